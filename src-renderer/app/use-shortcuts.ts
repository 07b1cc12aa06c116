import { useEffect } from 'react';
import { SEARCH_INPUT_ID } from '../features/search/search-box';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** `/` or Ctrl/Cmd+K: search. Esc: close the open thought. Fields handle their own Esc first. */
export function useShortcuts(closeThought: (() => void) | undefined): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const isSearchChord = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (isSearchChord || (event.key === '/' && !isTyping(event.target) && !event.ctrlKey && !event.metaKey)) {
        event.preventDefault();
        const input = document.getElementById(SEARCH_INPUT_ID);
        if (input instanceof HTMLInputElement) {
          input.focus();
          input.select();
        }
      } else if (event.key === 'Escape' && closeThought !== undefined) {
        event.preventDefault();
        closeThought();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [closeThought]);
}
