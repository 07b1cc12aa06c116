import { create } from 'zustand';
import type { Thought, ThoughtEvent } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';
import { useSearchStore } from '../search/search-store';
import { useTimelineStore } from '../timeline/timeline-store';
import { formatVersionTime } from './version-time';

export type ThoughtAction = 'save' | 'archive' | 'unarchive' | 'delete' | 'restore';
export type TagAction = 'accept' | 'remove';

/** What bringing back a version did, shown in the history with the way back. */
export interface RevertOutcome {
  /** New for every outcome, so the view knows to move focus to it. */
  key: number;
  message: string;
  /** The version the thought had before; undefined once that was brought back. */
  undoEventId: number | undefined;
}

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
  /** The event whose version is being brought back, if any. */
  pendingRevert: number | undefined;
  revertOutcome: RevertOutcome | undefined;
  revertError: CairnError | undefined;
  open(id: string): Promise<void>;
  close(): void;
  setEdit(text: string): void;
  discardEdit(): void;
  run(action: ThoughtAction): Promise<void>;
  /** Accepts one of Cairn's suggested tags, or removes any tag (own or suggested); true once done. */
  changeTag(action: TagAction, name: string): Promise<boolean>;
  /** Brings back the version after `event` as a new version, with an Undo; true once done. */
  revert(event: ThoughtEvent): Promise<boolean>;
  /** Brings back the version the last revert replaced. */
  undoRevert(): Promise<boolean>;
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

const QUIET = { notice: undefined, error: undefined, revertOutcome: undefined, revertError: undefined } as const;

let outcomeCount = 0;
function nextOutcomeKey(): number {
  outcomeCount += 1;
  return outcomeCount;
}

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

  /** thoughts.revert, with the version the person saw: a change made elsewhere is a conflict. */
  async function bringBack(eventId: number): Promise<boolean> {
    const { thought, pendingAction, pendingTag, pendingRevert } = get();
    if (thought === undefined || pendingAction !== undefined || pendingTag !== undefined || pendingRevert !== undefined) return false;
    set({ pendingRevert: eventId, ...QUIET });
    try {
      const updated = await api['thoughts.revert']({ id: thought.id, eventId, expectedVersion: thought.version });
      if (get().openId === thought.id) set({ thought: updated });
      await spread(updated);
      return true;
    } catch (error) {
      set({ revertError: toCairnError(error) });
      // What the person saw is out of date (changed elsewhere, version gone): show what is there now.
      if (get().openId === thought.id) await load(thought.id).catch(() => undefined);
      return false;
    } finally {
      set({ pendingRevert: undefined });
    }
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
    pendingRevert: undefined,
    revertOutcome: undefined,
    revertError: undefined,

    async open(id) {
      if (get().openId === id) return;
      set({ openId: id, thought: undefined, history: [], isLoading: true, ...QUIET });
      try {
        await load(id);
      } catch (error) {
        if (get().openId === id) set({ isLoading: false, error: toCairnError(error) });
      }
    },

    close() {
      set({ openId: undefined, thought: undefined, history: [], ...QUIET });
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
      set({ pendingAction: action, ...QUIET });
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
      set({ pendingTag: { action, name }, ...QUIET });
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

    async revert(event) {
      const previous = get().history.at(-1);
      const restored = await bringBack(event.id);
      if (restored && previous !== undefined && previous.id !== event.id) {
        set({
          revertOutcome: {
            key: nextOutcomeKey(),
            message: `Restored the version from ${formatVersionTime(event.at)}.`,
            undoEventId: previous.id,
          },
        });
      }
      return restored;
    },

    async undoRevert() {
      const undoEventId = get().revertOutcome?.undoEventId;
      if (undoEventId === undefined) return false;
      const undone = await bringBack(undoEventId);
      if (undone) set({ revertOutcome: { key: nextOutcomeKey(), message: 'Undone: the text is back as it was.', undoEventId: undefined } });
      return undone;
    },

    async refreshIfShown(ids) {
      const { openId, pendingAction, pendingTag, pendingRevert } = get();
      if (openId === undefined || pendingAction !== undefined || pendingTag !== undefined || pendingRevert !== undefined) return;
      if (ids.length > 0 && !ids.includes(openId)) return;
      try {
        await load(openId);
      } catch (error) {
        if (get().openId === openId) set({ error: toCairnError(error) });
      }
    },
  };
});
