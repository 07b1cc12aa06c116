import { useEffect, useState, type KeyboardEvent } from 'react';
import type { CaptureStore } from './capture-store';

const SAVED_FLASH_MS = 1_600;

/**
 * Enter saves, Shift+Enter is a new line (the textarea's own behaviour), Esc is up to the caller.
 * Enter while an input method is composing (Japanese, Chinese…) confirms the composition instead.
 */
export function useCaptureKeys(store: CaptureStore, onEscape: (textarea: HTMLTextAreaElement) => void) {
  const save = store((state) => state.save);
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // The global Esc (close the thought panel) must not also fire while the bar handles it.
      event.stopPropagation();
      onEscape(event.currentTarget);
    }
  };
}

/** True for a moment after each acknowledged save. */
export function useSavedFlash(store: CaptureStore): boolean {
  const savedCount = store((state) => state.savedCount);
  const [isShowing, setShowing] = useState(false);
  useEffect(() => {
    if (savedCount === 0) return undefined;
    setShowing(true);
    const timer = window.setTimeout(() => setShowing(false), SAVED_FLASH_MS);
    return () => window.clearTimeout(timer);
  }, [savedCount]);
  return isShowing;
}
