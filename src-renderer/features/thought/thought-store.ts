import { create } from 'zustand';
import type { Thought, ThoughtEvent } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';
import { useSearchStore } from '../search/search-store';
import { useTimelineStore } from '../timeline/timeline-store';

export type ThoughtAction = 'save' | 'archive' | 'unarchive' | 'delete' | 'restore';
export type TagAction = 'accept' | 'remove';

interface ThoughtState {
  openId: string | undefined;
  thought: Thought | undefined;
  history: ThoughtEvent[];
  isLoading: boolean;
  pendingAction: ThoughtAction | undefined;
  /** The tag being accepted or removed, if any. */
  pendingTag: { action: TagAction; name: string } | undefined;
  /** What just happened, for the status line ("Saved.", "Moved to the trash."). */
  notice: string | undefined;
  error: CairnError | undefined;
  /** Unsaved edits per thought: closing the panel must not throw away what was typed. */
  edits: Record<string, string>;
  open(id: string): Promise<void>;
  close(): void;
  setEdit(text: string): void;
  discardEdit(): void;
  run(action: ThoughtAction): Promise<void>;
  /** Accepts one of Cairn's suggested tags, or removes any tag (own or suggested); true once done. */
  changeTag(action: TagAction, name: string): Promise<boolean>;
  /** Reloads the open thought if a change event names it (or names nothing in particular). */
  refreshIfShown(ids: readonly string[]): Promise<void>;
}

const NOTICES: Record<ThoughtAction, string> = {
  save: 'Saved.',
  archive: 'Archived. It is out of your stream but still searchable in the archive.',
  unarchive: 'Back in your stream.',
  delete: 'Moved to the trash. You can restore it from there.',
  restore: 'Restored from the trash.',
};

function withoutKey(record: Record<string, string>, key: string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

export const useThoughtStore = create<ThoughtState>()((set, get) => {
  async function load(id: string): Promise<void> {
    const [thought, history] = await Promise.all([api['thoughts.get']({ id }), api['thoughts.history']({ id })]);
    if (get().openId !== id) return;
    set({ thought, history: history.events, isLoading: false });
  }

  /** Everything that shows this thought learns its new state. */
  async function spread(updated: Thought): Promise<void> {
    useTimelineStore.getState().place(updated);
    useSearchStore.getState().refresh();
    const history = await api['thoughts.history']({ id: updated.id });
    if (get().openId === updated.id) set({ history: history.events });
  }

  function perform(action: ThoughtAction, thought: Thought, edit: string | undefined): Promise<Thought> {
    const { id } = thought;
    switch (action) {
      case 'save':
        // expectedVersion turns a silent overwrite of someone else's change into a conflict.
        return api['thoughts.update']({ id, expectedVersion: thought.version, text: edit ?? thought.text });
      case 'archive':
        return api['thoughts.archive']({ id });
      case 'unarchive':
        return api['thoughts.unarchive']({ id });
      case 'delete':
        return api['thoughts.delete']({ id });
      case 'restore':
        return api['thoughts.restore']({ id });
    }
  }

  return {
    openId: undefined,
    thought: undefined,
    history: [],
    isLoading: false,
    pendingAction: undefined,
    pendingTag: undefined,
    notice: undefined,
    error: undefined,
    edits: {},

    async open(id) {
      if (get().openId === id) return;
      set({ openId: id, thought: undefined, history: [], isLoading: true, notice: undefined, error: undefined });
      try {
        await load(id);
      } catch (error) {
        if (get().openId === id) set({ isLoading: false, error: toCairnError(error) });
      }
    },

    close() {
      set({ openId: undefined, thought: undefined, history: [], notice: undefined, error: undefined });
    },

    setEdit(text) {
      const { thought, edits } = get();
      if (thought === undefined) return;
      set({ edits: text === thought.text ? withoutKey(edits, thought.id) : { ...edits, [thought.id]: text }, notice: undefined });
    },

    discardEdit() {
      const { thought, edits } = get();
      if (thought !== undefined) set({ edits: withoutKey(edits, thought.id), error: undefined });
    },

    async run(action) {
      const { thought, edits, pendingAction } = get();
      if (thought === undefined || pendingAction !== undefined) return;
      set({ pendingAction: action, notice: undefined, error: undefined });
      try {
        const updated = await perform(action, thought, edits[thought.id]);
        if (action === 'save') set({ edits: withoutKey(get().edits, thought.id) });
        if (get().openId === thought.id) set({ thought: updated, notice: NOTICES[action] });
        await spread(updated);
      } catch (error) {
        set({ error: toCairnError(error) });
      } finally {
        set({ pendingAction: undefined });
      }
    },

    async changeTag(action, name) {
      const { thought, pendingAction, pendingTag } = get();
      if (thought === undefined || pendingAction !== undefined || pendingTag !== undefined) return false;
      set({ pendingTag: { action, name }, notice: undefined, error: undefined });
      try {
        const updated =
          action === 'accept'
            ? await api['tags.accept']({ thoughtId: thought.id, name })
            : await api['tags.remove']({ thoughtId: thought.id, name });
        if (get().openId === thought.id) {
          set({ thought: updated, notice: action === 'accept' ? `Tag #${name} added.` : `Tag #${name} removed.` });
        }
        await spread(updated);
        return true;
      } catch (error) {
        set({ error: toCairnError(error) });
        return false;
      } finally {
        set({ pendingTag: undefined });
      }
    },

    async refreshIfShown(ids) {
      const { openId, pendingAction, pendingTag } = get();
      if (openId === undefined || pendingAction !== undefined || pendingTag !== undefined) return;
      if (ids.length > 0 && !ids.includes(openId)) return;
      try {
        await load(openId);
      } catch (error) {
        if (get().openId === openId) set({ error: toCairnError(error) });
      }
    },
  };
});
