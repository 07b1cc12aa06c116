import { create } from 'zustand';
import type { SearchHit, SearchScope } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';

const DEBOUNCE_MS = 120;
const PAGE_SIZE = 20;
// Per browser session: the notice says something true but nothing new after the first read.
const WORDS_ONLY_DISMISSED_KEY = 'cairn.search.wordsOnlyDismissed';

function readDismissed(): boolean {
  try {
    return window.sessionStorage.getItem(WORDS_ONLY_DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

interface SearchState {
  query: string;
  scope: SearchScope;
  hits: SearchHit[];
  nextCursor: string | null;
  isSearching: boolean;
  /** The query the shown hits answer; lags `query` while a search is in flight. */
  answeredQuery: string;
  error: CairnError | undefined;
  /** Whether the shown hits were also searched by meaning (false: words only). */
  usedMeaning: boolean;
  /** The person closed the "searching by words only" notice for this session. */
  isWordsOnlyNoticeDismissed: boolean;
  dismissWordsOnlyNotice(): void;
  setQuery(query: string): void;
  setScope(scope: SearchScope): void;
  loadMore(): Promise<void>;
  /** Runs the current query again at once (after thoughts changed). */
  refresh(): void;
  clear(): void;
}

export function isSearchActive(query: string): boolean {
  return query.trim().length > 0;
}

export const useSearchStore = create<SearchState>()((set, get) => {
  // Every request takes a ticket; only the newest ticket may write results, so a slow answer to
  // an older query can never overwrite a newer one.
  let latestTicket = 0;
  let timer: number | undefined;

  async function run(): Promise<void> {
    const { query, scope } = get();
    latestTicket += 1;
    const ticket = latestTicket;
    if (!isSearchActive(query)) {
      set({ hits: [], nextCursor: null, isSearching: false, answeredQuery: '', error: undefined });
      return;
    }
    set({ isSearching: true });
    try {
      const page = await api['search.query']({ query, filters: { scope }, limit: PAGE_SIZE });
      if (ticket !== latestTicket) return;
      set({
        hits: page.items,
        nextCursor: page.nextCursor,
        usedMeaning: page.usedMeaning,
        isSearching: false,
        answeredQuery: query,
        error: undefined,
      });
    } catch (error) {
      if (ticket === latestTicket) set({ isSearching: false, error: toCairnError(error) });
    }
  }

  function schedule(delayMs: number): void {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), delayMs);
  }

  return {
    query: '',
    scope: 'active',
    hits: [],
    nextCursor: null,
    isSearching: false,
    answeredQuery: '',
    error: undefined,
    usedMeaning: false,
    isWordsOnlyNoticeDismissed: readDismissed(),

    dismissWordsOnlyNotice() {
      try {
        window.sessionStorage.setItem(WORDS_ONLY_DISMISSED_KEY, '1');
      } catch {
        // Storage disabled: dismissed until the page reloads, which is close enough.
      }
      set({ isWordsOnlyNoticeDismissed: true });
    },

    setQuery(query) {
      set({ query });
      // Clearing the box is instant; typing waits for a pause.
      schedule(isSearchActive(query) ? DEBOUNCE_MS : 0);
    },

    setScope(scope) {
      set({ scope });
      schedule(0);
    },

    async loadMore() {
      const { nextCursor, query, scope, isSearching } = get();
      if (nextCursor === null || isSearching) return;
      const ticket = latestTicket;
      set({ isSearching: true });
      try {
        const page = await api['search.query']({ query, filters: { scope }, limit: PAGE_SIZE, cursor: nextCursor });
        if (ticket !== latestTicket) return;
        const known = new Set(get().hits.map((hit) => hit.thought.id));
        set((state) => ({
          hits: [...state.hits, ...page.items.filter((hit) => !known.has(hit.thought.id))],
          nextCursor: page.nextCursor,
          isSearching: false,
        }));
      } catch (error) {
        if (ticket === latestTicket) set({ isSearching: false, error: toCairnError(error) });
      }
    },

    refresh() {
      if (isSearchActive(get().query)) schedule(0);
    },

    clear() {
      get().setQuery('');
    },
  };
});
