import type { KeyboardEvent } from 'react';
import { isSearchActive, useSearchStore } from './search-store';

export const SEARCH_INPUT_ID = 'search-input';

export function SearchBox() {
  const query = useSearchStore((state) => state.query);
  const setQuery = useSearchStore((state) => state.setQuery);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      // First Esc clears the search, the next one leaves the box.
      event.stopPropagation();
      if (query.length > 0) setQuery('');
      else event.currentTarget.blur();
    } else if (event.key === 'ArrowDown' || (event.key === 'Enter' && query.length > 0)) {
      const first = document.querySelector<HTMLElement>('.search-results a');
      if (first === null) return;
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="search-box" role="search">
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        Search thoughts
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        className="search-input"
        value={query}
        placeholder="Search"
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/ Control+K"
        // The results exist only while searching; pointing at a missing id is invalid ARIA.
        aria-controls={isSearchActive(query) ? 'search-results' : undefined}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-shortcut" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
