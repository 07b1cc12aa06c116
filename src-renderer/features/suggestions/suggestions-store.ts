import { create } from 'zustand';
import type { TaskSuggestion } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';
import { without } from '../../ui/without';

const PAGE_SIZE = 50;
/** `suggestions.list` answers at most this many at once. */
const MAX_PAGE = 100;

export type SuggestionAction = 'accept' | 'dismiss';

/** Changes made in the inline editor before accepting; omitted fields stay as suggested. */
export interface SuggestionEdits {
  title?: string;
  dueAt?: string | null;
}

export interface SuggestionNotice {
  text: string;
  /** The thought the suggestion came from, so its detail view can show the notice too. */
  thoughtId: string;
}

interface SuggestionsState {
  /** Pending suggestions across all thoughts, newest first: the inbox. */
  inbox: TaskSuggestion[];
  nextCursor: string | null;
  hasLoaded: boolean;
  isLoading: boolean;
  error: CairnError | undefined;
  /** The thought whose pending suggestions the detail view shows. */
  thoughtId: string | undefined;
  forThought: TaskSuggestion[];
  thoughtError: CairnError | undefined;
  /** Suggestions with a request in flight. */
  busy: Record<string, SuggestionAction>;
  /** Why the last action on a suggestion failed, shown beneath it. */
  failures: Record<string, CairnError>;
  /** What just happened ("Added … to your tasks."), for a polite live region. */
  notice: SuggestionNotice | undefined;
  loadInbox(): Promise<void>;
  loadMore(): Promise<void>;
  /** Loads (or, with undefined, forgets) the suggestions of the open thought. */
  showThought(thoughtId: string | undefined): Promise<void>;
  /** Resolves true once the suggestion is a task. */
  accept(suggestion: TaskSuggestion, edits?: SuggestionEdits): Promise<boolean>;
  dismiss(suggestion: TaskSuggestion): Promise<boolean>;
  /** After `suggestions.changed` (or thoughts changing): reloads what names those thoughts. */
  applyChange(thoughtIds: readonly string[]): Promise<void>;
  /**
   * After `thoughts.changed`: an edited, trashed or restored thought changes its suggestions'
   * excerpts or whether they are offered. Most captures touch no suggestion and cost nothing here.
   */
  applyThoughtsChange(thoughtIds: readonly string[]): Promise<void>;
}

/** Words for failures that mean something particular for a suggestion. */
export function suggestionAdvice(error: CairnError): string | undefined {
  if (error.code === 'conflict') {
    return 'You already have an open task with this title. Edit the title, or dismiss this suggestion.';
  }
  return undefined;
}


/** Count for a badge: "3", or "50+" when more are waiting beyond the loaded page. */
export function pendingCountLabel(count: number, hasMore: boolean): string {
  return hasMore ? `${count}+` : String(count);
}

export const useSuggestionsStore = create<SuggestionsState>()((set, get) => {
  // Each list takes a ticket per request; only the newest may write, so a slow answer never
  // brings back a suggestion that was accepted meanwhile.
  let inboxTicket = 0;
  let thoughtTicket = 0;

  async function reloadInbox(): Promise<void> {
    inboxTicket += 1;
    const ticket = inboxTicket;
    // Keep as many loaded as were shown, so a live update does not shorten a scrolled list.
    const limit = Math.min(MAX_PAGE, Math.max(PAGE_SIZE, get().inbox.length));
    set({ isLoading: true });
    try {
      const page = await api['suggestions.list']({ status: 'pending', limit });
      if (ticket !== inboxTicket) return;
      set({ inbox: page.items, nextCursor: page.nextCursor, hasLoaded: true, isLoading: false, error: undefined });
    } catch (error) {
      if (ticket === inboxTicket) set({ isLoading: false, error: toCairnError(error) });
    }
  }

  async function reloadThought(thoughtId: string): Promise<void> {
    thoughtTicket += 1;
    const ticket = thoughtTicket;
    try {
      const page = await api['suggestions.list']({ status: 'pending', thoughtId, limit: MAX_PAGE });
      if (ticket !== thoughtTicket || get().thoughtId !== thoughtId) return;
      set({ forThought: page.items, thoughtError: undefined });
    } catch (error) {
      if (ticket === thoughtTicket && get().thoughtId === thoughtId) set({ thoughtError: toCairnError(error) });
    }
  }

  /** Takes a suggestion out of both lists at once; the event that follows finds it gone already. */
  function remove(id: string): void {
    // Any list request in flight was asked before this change: its answer must not win.
    inboxTicket += 1;
    thoughtTicket += 1;
    set((state) => ({
      inbox: state.inbox.filter((item) => item.id !== id),
      forThought: state.forThought.filter((item) => item.id !== id),
      isLoading: false,
    }));
  }

  async function resolve(suggestion: TaskSuggestion, action: SuggestionAction, edits?: SuggestionEdits): Promise<boolean> {
    const { id, thoughtId } = suggestion;
    if (get().busy[id] !== undefined) return false;
    set((state) => ({ busy: { ...state.busy, [id]: action }, failures: without(state.failures, id), notice: undefined }));
    try {
      if (action === 'accept') {
        const { task } = await api['suggestions.accept']({ id, ...edits });
        remove(id);
        set({ notice: { text: `Added “${task.title}” to your tasks.`, thoughtId } });
      } else {
        await api['suggestions.dismiss']({ id });
        remove(id);
        set({ notice: { text: `Dismissed “${suggestion.title}”. Cairn will not suggest it again.`, thoughtId } });
      }
      return true;
    } catch (error) {
      const failure = toCairnError(error);
      if (failure.code === 'invalid_state' || failure.code === 'not_found') {
        // Accepted, dismissed or expired elsewhere (another window, the phone): nothing to do here.
        remove(id);
        set({ notice: { text: 'That suggestion was already handled elsewhere, so it is gone from here.', thoughtId } });
        void get().applyChange([thoughtId]);
      } else {
        set((state) => ({ failures: { ...state.failures, [id]: failure } }));
      }
      return false;
    } finally {
      set((state) => ({ busy: without(state.busy, id) }));
    }
  }

  return {
    inbox: [],
    nextCursor: null,
    hasLoaded: false,
    isLoading: false,
    error: undefined,
    thoughtId: undefined,
    forThought: [],
    thoughtError: undefined,
    busy: {},
    failures: {},
    notice: undefined,

    loadInbox: reloadInbox,

    async loadMore() {
      const { nextCursor, isLoading } = get();
      if (nextCursor === null || isLoading) return;
      const ticket = inboxTicket;
      set({ isLoading: true });
      try {
        const page = await api['suggestions.list']({ status: 'pending', limit: PAGE_SIZE, cursor: nextCursor });
        if (ticket !== inboxTicket) return;
        const known = new Set(get().inbox.map((item) => item.id));
        set((state) => ({
          inbox: [...state.inbox, ...page.items.filter((item) => !known.has(item.id))],
          nextCursor: page.nextCursor,
          isLoading: false,
        }));
      } catch (error) {
        if (ticket === inboxTicket) set({ isLoading: false, error: toCairnError(error) });
      }
    },

    async showThought(thoughtId) {
      if (thoughtId === get().thoughtId) return;
      thoughtTicket += 1;
      set({ thoughtId, forThought: [], thoughtError: undefined });
      if (thoughtId !== undefined) await reloadThought(thoughtId);
    },

    accept: (suggestion, edits) => resolve(suggestion, 'accept', edits),
    dismiss: (suggestion) => resolve(suggestion, 'dismiss'),

    async applyChange(thoughtIds) {
      const { thoughtId, hasLoaded } = get();
      const isAboutShownThought = thoughtId !== undefined && (thoughtIds.length === 0 || thoughtIds.includes(thoughtId));
      await Promise.all([hasLoaded ? reloadInbox() : undefined, isAboutShownThought ? reloadThought(thoughtId) : undefined]);
    },

    async applyThoughtsChange(thoughtIds) {
      const { inbox, forThought } = get();
      const touched = new Set(thoughtIds);
      const isRelevant = thoughtIds.length === 0 || [...inbox, ...forThought].some((item) => touched.has(item.thoughtId));
      if (isRelevant) await get().applyChange(thoughtIds);
    },
  };
});
