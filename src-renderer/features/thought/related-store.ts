import { create } from 'zustand';
import type { RelatedThought } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';

const LIMIT = 8;
/** While the thought waits for its own vector, look again soon; after that, changes are slower. */
const WAITING_INTERVAL_MS = 1_500;
const SETTLED_INTERVAL_MS = 5_000;

interface RelatedState {
  thoughtId: string | undefined;
  items: RelatedThought[];
  /** False until the open thought has a vector: nothing can be near it yet. */
  isIndexed: boolean;
  hasLoaded: boolean;
  error: CairnError | undefined;
  /** Loads the thoughts related to this one (undefined: the panel closed). */
  show(thoughtId: string | undefined): Promise<void>;
  /**
   * Indexing moved on or thoughts changed: asks again, at most once per interval, keeping the
   * current list on screen meanwhile so nothing jumps under the pointer.
   */
  refreshSoon(): void;
}

export const useRelatedStore = create<RelatedState>()((set, get) => {
  let ticket = 0;
  let timer: number | undefined;
  let lastLoadAt = 0;

  async function load(thoughtId: string): Promise<void> {
    ticket += 1;
    const mine = ticket;
    lastLoadAt = Date.now();
    try {
      const answer = await api['thoughts.related']({ id: thoughtId, limit: LIMIT });
      if (mine !== ticket) return;
      set({ items: answer.items, isIndexed: answer.indexed, hasLoaded: true, error: undefined });
    } catch (error) {
      if (mine === ticket) set({ hasLoaded: true, error: toCairnError(error) });
    }
  }

  function cancelTimer(): void {
    window.clearTimeout(timer);
    timer = undefined;
  }

  return {
    thoughtId: undefined,
    items: [],
    isIndexed: false,
    hasLoaded: false,
    error: undefined,

    async show(thoughtId) {
      if (thoughtId === get().thoughtId) return;
      cancelTimer();
      ticket += 1;
      set({ thoughtId, items: [], isIndexed: false, hasLoaded: false, error: undefined });
      if (thoughtId !== undefined) await load(thoughtId);
    },

    refreshSoon() {
      const { thoughtId, isIndexed } = get();
      if (thoughtId === undefined || timer !== undefined) return;
      const interval = isIndexed ? SETTLED_INTERVAL_MS : WAITING_INTERVAL_MS;
      const wait = Math.max(0, lastLoadAt + interval - Date.now());
      timer = window.setTimeout(() => {
        timer = undefined;
        if (get().thoughtId === thoughtId) void load(thoughtId);
      }, wait);
    },
  };
});
