import { useCallback, useEffect } from 'react';
import { useThoughtStore } from '../features/thought/thought-store';

const THOUGHT_HASH = /^#thought=([0-9A-HJKMNP-TV-Z]{26})$/;

function idFromHash(): string | undefined {
  return THOUGHT_HASH.exec(window.location.hash)?.[1];
}

/**
 * The open thought lives in the address (`#thought=<id>`), so a reload, the back button and a
 * plain link all work. Returns the function that closes the panel.
 */
export function useThoughtRoute(): () => void {
  useEffect(() => {
    const sync = () => {
      const id = idFromHash();
      if (id === undefined) useThoughtStore.getState().close();
      else void useThoughtStore.getState().open(id);
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);

  return useCallback(() => {
    const id = useThoughtStore.getState().openId;
    window.history.pushState(null, '', window.location.pathname + window.location.search);
    useThoughtStore.getState().close();
    // Back to where the person was: the thought in the list, else the capture bar.
    requestAnimationFrame(() => {
      const origin = id === undefined ? null : document.querySelector<HTMLElement>(`[data-thought-id="${id}"]`);
      (origin ?? document.getElementById('capture-input'))?.focus();
    });
  }, []);
}
