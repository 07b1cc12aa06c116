import { useEffect } from 'react';
import { useOverlayStore } from '../features/palette/overlay-store';
import { SEARCH_INPUT_ID } from '../features/search/search-box';
import { focusById, goTo } from './navigation';
import { GO_TO } from './shortcut-list';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** How long "g" waits for the key that says where to go. */
const CHORD_MS = 1200;

/**
 * The app-wide keys (the sheet behind "?" lists them): Ctrl/Cmd+K the command palette, "/"
 * search, "n" capture, "?" shortcuts, "g" then a letter a view, Esc closes the open thought.
 * Single letters only count outside text fields; fields handle their own Esc first.
 */
export function useShortcuts(closeThought: (() => void) | undefined): void {
  useEffect(() => {
    let chordUntil = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const overlays = useOverlayStore.getState();
      const command = event.ctrlKey || event.metaKey;
      if (event.key.toLowerCase() === 'k' && command && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        if (overlays.overlay === 'palette') overlays.close();
        else overlays.open('palette');
        return;
      }
      // The open dialog owns the keyboard (its own Esc included).
      if (overlays.overlay !== undefined) return;
      if (event.key === 'Escape') {
        if (closeThought === undefined) return;
        event.preventDefault();
        closeThought();
        return;
      }
      if (isTyping(event.target) || command || event.altKey) return;
      if (Date.now() < chordUntil) {
        chordUntil = 0;
        const destination = GO_TO.find(({ key }) => key === event.key.toLowerCase());
        if (destination !== undefined) {
          event.preventDefault();
          goTo(destination.view);
          focusById(`tab-${destination.view}`);
        }
        return;
      }
      const actions: Partial<Record<string, () => void>> = {
        '/': () => focusById(SEARCH_INPUT_ID, true),
        '?': () => overlays.open('shortcuts'),
        n: () => focusById('capture-input'),
        g: () => {
          chordUntil = Date.now() + CHORD_MS;
        },
      };
      const action = actions[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [closeThought]);
}
