import { useEffect, useRef } from 'react';
import { ErrorMessage } from '../../ui/error-message';
import { SuggestionCard } from './suggestion-card';
import { useSuggestionsStore } from './suggestions-store';
import './suggestions.css';

/** The tasks Cairn found in the open thought; nothing at all when there are none. */
export function ThoughtSuggestions({ thoughtId }: { thoughtId: string }) {
  const shownId = useSuggestionsStore((state) => state.thoughtId);
  const items = useSuggestionsStore((state) => state.forThought);
  const error = useSuggestionsStore((state) => state.thoughtError);
  const notice = useSuggestionsStore((state) => (state.notice?.thoughtId === thoughtId ? state.notice.text : undefined));
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void useSuggestionsStore.getState().showThought(thoughtId);
  }, [thoughtId]);
  useEffect(() => () => void useSuggestionsStore.getState().showThought(undefined), []);

  const isCurrent = shownId === thoughtId;
  const hasItems = isCurrent && items.length > 0;
  if (!hasItems && notice === undefined && error === undefined) return null;

  return (
    <section className="thought-section" aria-labelledby="thought-suggestions-heading">
      <h3 id="thought-suggestions-heading" tabIndex={-1} ref={headingRef}>
        Suggested tasks
      </h3>
      <p className="pane-notice" aria-live="polite">
        {notice}
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
      {hasItems && (
        <ul className="card-list" aria-label="Suggested tasks">
          {items.map((suggestion) => (
            <SuggestionCard key={suggestion.id} suggestion={suggestion} showsThought={false} focusFallback={() => headingRef.current} />
          ))}
        </ul>
      )}
    </section>
  );
}
