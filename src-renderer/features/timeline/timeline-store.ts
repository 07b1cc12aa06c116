import { create } from 'zustand';
import type { Thought, ThoughtView } from '../../../src-shared/contract';
import type { EventPayload } from '../../../src-shared/events';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';
import { isNewer, placeThought, viewOf } from './thought-order';

const PAGE_SIZE = 50;

interface TimelineState {
  view: ThoughtView;
  items: Thought[];
  nextCursor: string | null;
  isLoading: boolean;
  hasLoaded: boolean;
  error: CairnError | undefined;
  showView(view: ThoughtView): void;
  loadFirstPage(): Promise<void>;
  loadMore(): Promise<void>;
  /** Puts a thought where it belongs now (or takes it out of this view). */
  place(thought: Thought): void;
  /** Brings the list up to date after a `thoughts.changed` event. */
  applyChange(change: EventPayload<'thoughts.changed'>): Promise<void>;
}

export const useTimelineStore = create<TimelineState>()((set, get) => {
  // Responses for a view the person already left must not land in the new one.
  let generation = 0;

  /**
   * Appends older thoughts, skipping any already listed. Looks the few incoming ids up while
   * walking the list once, rather than hashing every loaded id again for each page.
   */
  function mergeOlder(items: readonly Thought[], older: readonly Thought[]): Thought[] {
    const incoming = new Set(older.map((item) => item.id));
    const listed = new Set<string>();
    for (const item of items) if (incoming.has(item.id)) listed.add(item.id);
    return items.concat(listed.size === 0 ? older : older.filter((item) => !listed.has(item.id)));
  }

  async function refreshNewest(): Promise<void> {
    const started = generation;
    try {
      const page = await api['thoughts.list']({ view: get().view, limit: PAGE_SIZE });
      if (started !== generation) return;
      // Replace what the first page covers (edits, removals) and keep the older pages loaded.
      const oldestFresh = page.items.at(-1);
      const older =
        oldestFresh === undefined || page.nextCursor === null
          ? []
          : get().items.filter((item) => isNewer(oldestFresh, item));
      set((state) => ({
        items: mergeOlder(page.items, older),
        nextCursor: older.length > 0 ? state.nextCursor : page.nextCursor,
        error: undefined,
      }));
    } catch (error) {
      if (started === generation) set({ error: toCairnError(error) });
    }
  }

  return {
    view: 'active',
    items: [],
    nextCursor: null,
    isLoading: false,
    hasLoaded: false,
    error: undefined,

    showView(view) {
      if (view === get().view && get().hasLoaded) return;
      set({ view, items: [], nextCursor: null, hasLoaded: false, error: undefined });
      void get().loadFirstPage();
    },

    async loadFirstPage() {
      generation += 1;
      const started = generation;
      set({ isLoading: true, error: undefined });
      try {
        const page = await api['thoughts.list']({ view: get().view, limit: PAGE_SIZE });
        if (started !== generation) return;
        set({ items: page.items, nextCursor: page.nextCursor, isLoading: false, hasLoaded: true });
      } catch (error) {
        if (started === generation) set({ isLoading: false, error: toCairnError(error) });
      }
    },

    async loadMore() {
      const { nextCursor, isLoading, view } = get();
      if (nextCursor === null || isLoading) return;
      const started = generation;
      set({ isLoading: true, error: undefined });
      try {
        const page = await api['thoughts.list']({ view, limit: PAGE_SIZE, cursor: nextCursor });
        if (started !== generation) return;
        set((state) => ({ items: mergeOlder(state.items, page.items), nextCursor: page.nextCursor, isLoading: false }));
      } catch (error) {
        if (started === generation) set({ isLoading: false, error: toCairnError(error) });
      }
    },

    place(thought) {
      const { items, view, nextCursor } = get();
      if (viewOf(thought) !== view) {
        set({ items: items.filter((item) => item.id !== thought.id) });
        return;
      }
      const oldestLoaded = items.at(-1);
      const isBeyondLoaded = nextCursor !== null && oldestLoaded !== undefined && isNewer(oldestLoaded, thought);
      // Older than everything loaded: it arrives with its own page when scrolled to.
      if (isBeyondLoaded && !items.some((item) => item.id === thought.id)) return;
      set({ items: placeThought(items, thought) });
    },

    async applyChange(change) {
      if (!get().hasLoaded) return;
      if (change.ids.length === 0) {
        await refreshNewest();
        return;
      }
      for (const id of change.ids) {
        try {
          get().place(await api['thoughts.get']({ id }));
        } catch (error) {
          if (toCairnError(error).code === 'not_found') set({ items: get().items.filter((item) => item.id !== id) });
        }
      }
    },
  };
});
