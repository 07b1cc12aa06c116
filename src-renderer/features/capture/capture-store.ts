import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { Thought, ThoughtSource } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';
import { readDraft, remainderAfterSave, writeDraft } from './draft-storage';

export interface CaptureState {
  draft: string;
  isSaving: boolean;
  /** Bumped on each acknowledged save, so views can flash "Saved" once per save. */
  savedCount: number;
  error: CairnError | undefined;
  setDraft(text: string): void;
  clear(): void;
  /** Stores the draft as a thought; the draft is cleared only once the save is acknowledged. */
  save(): Promise<Thought | undefined>;
}

export interface CaptureStoreOptions {
  draftKey: string;
  source: ThoughtSource;
  onCaptured?(thought: Thought): void;
}

export type CaptureStore = UseBoundStore<StoreApi<CaptureState>>;

export function createCaptureStore(options: CaptureStoreOptions): CaptureStore {
  return create<CaptureState>()((set, get) => ({
    draft: readDraft(options.draftKey),
    isSaving: false,
    savedCount: 0,
    error: undefined,

    setDraft(text) {
      writeDraft(options.draftKey, text);
      set({ draft: text, error: undefined });
    },

    clear() {
      writeDraft(options.draftKey, '');
      set({ draft: '', error: undefined });
    },

    async save() {
      const text = get().draft;
      if (text.trim().length === 0 || get().isSaving) return undefined;
      set({ isSaving: true, error: undefined });
      try {
        const thought = await api['thoughts.capture']({ text, source: options.source });
        const remainder = remainderAfterSave(get().draft, text);
        writeDraft(options.draftKey, remainder);
        set((state) => ({ draft: remainder, isSaving: false, savedCount: state.savedCount + 1 }));
        options.onCaptured?.(thought);
        return thought;
      } catch (error) {
        // The draft stays exactly as it was: nothing typed is lost on a failed save.
        set({ isSaving: false, error: toCairnError(error) });
        return undefined;
      }
    },
  }));
}
