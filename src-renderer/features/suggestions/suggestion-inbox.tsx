import { useRef } from 'react';
import { ErrorMessage } from '../../ui/error-message';
import { SuggestionCard } from './suggestion-card';
import { useSuggestionsStore } from './suggestions-store';
import './suggestions.css';

/** Every pending task suggestion, newest first, each with the thought it came from. */
export function SuggestionInbox() {
  const inbox = useSuggestionsStore((state) => state.inbox);
  const hasLoaded = useSuggestionsStore((state) => state.hasLoaded);
  const isLoading = useSuggestionsStore((state) => state.isLoading);
  const nextCursor = useSuggestionsStore((state) => state.nextCursor);
  const error = useSuggestionsStore((state) => state.error);
  const notice = useSuggestionsStore((state) => state.notice);
  const loadMore = useSuggestionsStore((state) => state.loadMore);
  const introRef = useRef<HTMLParagraphElement>(null);

  return (
    <div className="pane-view">
      <p className="pane-intro" tabIndex={-1} ref={introRef}>
        Tasks Cairn noticed in your thoughts. Accept one to make it a task, or dismiss it.
      </p>
      {/* Polite, not a status role: the thought panel beside this has the one status line. */}
      <p className="pane-notice" aria-live="polite">
        {notice?.text}
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
      {!hasLoaded ? (
        <p className="muted">{error === undefined ? 'Loading…' : ''}</p>
      ) : inbox.length === 0 ? (
        <p className="pane-empty">
          Nothing waiting. When a thought mentions something to do — “call the dentist tomorrow at 3” — Cairn suggests it here as a
          task.
        </p>
      ) : (
        <ul className="card-list" aria-label="Task suggestions" aria-busy={isLoading}>
          {inbox.map((suggestion) => (
            <SuggestionCard key={suggestion.id} suggestion={suggestion} showsThought focusFallback={() => introRef.current} />
          ))}
        </ul>
      )}
      {nextCursor !== null && (
        <button type="button" className="load-more" disabled={isLoading} onClick={() => void loadMore()}>
          More suggestions
        </button>
      )}
    </div>
  );
}
