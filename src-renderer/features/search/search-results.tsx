import type { SearchScope } from '../../../src-shared/contract';
import { ErrorMessage } from '../../ui/error-message';
import { HighlightedText } from '../../ui/highlighted-text';
import { ThoughtCard } from '../timeline/thought-card';
import { MatchLabel } from './match-label';
import { useSearchStore } from './search-store';
import { WordsOnlyNotice } from './words-only-notice';
import './search.css';

const SCOPES: readonly { scope: SearchScope; label: string }[] = [
  { scope: 'active', label: 'Stream' },
  { scope: 'archived', label: 'Archive' },
  { scope: 'trash', label: 'Trash' },
  { scope: 'all', label: 'Everything' },
];

function scopeFrom(value: string): SearchScope {
  return SCOPES.find((entry) => entry.scope === value)?.scope ?? 'active';
}

function describeCount(count: number, hasMore: boolean, query: string): string {
  if (count === 0) return `No thoughts match “${query}”.`;
  const number = hasMore ? `${count}+` : String(count);
  return `${number} ${count === 1 && !hasMore ? 'thought matches' : 'thoughts match'} “${query}”.`;
}

export function SearchResults() {
  const hits = useSearchStore((state) => state.hits);
  const answeredQuery = useSearchStore((state) => state.answeredQuery);
  const isSearching = useSearchStore((state) => state.isSearching);
  const nextCursor = useSearchStore((state) => state.nextCursor);
  const scope = useSearchStore((state) => state.scope);
  const error = useSearchStore((state) => state.error);
  const setScope = useSearchStore((state) => state.setScope);
  const loadMore = useSearchStore((state) => state.loadMore);

  return (
    <section id="search-results" className="search-results" aria-label="Search results" aria-busy={isSearching}>
      <div className="search-summary">
        <p role="status">
          {answeredQuery.length === 0 ? 'Searching…' : describeCount(hits.length, nextCursor !== null, answeredQuery)}
        </p>
        <label className="search-scope">
          Search in{' '}
          <select value={scope} onChange={(event) => setScope(scopeFrom(event.target.value))}>
            {SCOPES.map((entry) => (
              <option key={entry.scope} value={entry.scope}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <WordsOnlyNotice />
      {error !== undefined && <ErrorMessage error={error} />}
      <ul className="search-list" aria-label="Matching thoughts">
        {hits.map((hit) => (
          <li key={hit.thought.id} className="search-row">
            <ThoughtCard
              thought={hit.thought}
              body={<HighlightedText text={hit.snippet} highlights={hit.highlights} />}
              note={<MatchLabel matchedBy={hit.matchedBy} />}
            />
          </li>
        ))}
      </ul>
      {nextCursor !== null && (
        <button type="button" className="load-more" disabled={isSearching} onClick={() => void loadMore()}>
          More results
        </button>
      )}
    </section>
  );
}
