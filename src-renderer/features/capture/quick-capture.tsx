import { useEffect, useRef } from 'react';
import { extractHashtags } from '../../../src-shared/hashtags';
import { useChosenTheme } from '../../app/use-theme';
import { ErrorMessage } from '../../ui/error-message';
import { TagList } from '../../ui/tag-list';
import { CaptureTextarea } from './capture-textarea';
import { useQuickCaptureStore } from './quick-capture-store';
import { useSavedFlash } from './use-capture-keys';
import './capture.css';

function giveUpFocus(textarea: HTMLTextAreaElement): void {
  textarea.blur();
  window.blur();
}

/**
 * The small always-on-top window. Esc keeps the draft and gives up focus; in Electron the main
 * process hides the window on Esc and on blur, so the page never closes itself.
 */
export function QuickCapture() {
  const draft = useQuickCaptureStore((state) => state.draft);
  const isSaving = useQuickCaptureStore((state) => state.isSaving);
  const error = useQuickCaptureStore((state) => state.error);
  const isSaved = useSavedFlash(useQuickCaptureStore);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  useChosenTheme();

  // The window is created hidden and shown by the hotkey: focus the field each time it shows.
  useEffect(() => {
    const focusInput = () => inputRef.current?.focus();
    window.addEventListener('focus', focusInput);
    return () => window.removeEventListener('focus', focusInput);
  }, []);

  return (
    <main className="quick-capture">
      <CaptureTextarea
        store={useQuickCaptureStore}
        id="quick-capture-input"
        label="Quick capture"
        placeholder="Capture a thought… (Enter to save)"
        describedBy="quick-capture-status"
        className="capture-input quick-capture-input"
        onEscape={giveUpFocus}
        inputRef={inputRef}
      />
      <div className="quick-capture-footer" id="quick-capture-status">
        {error !== undefined ? (
          <ErrorMessage error={error} />
        ) : (
          <>
            <TagList tags={extractHashtags(draft)} label="Tags in this thought" />
            <p role="status" className={isSaved ? 'capture-saved' : 'capture-hint'}>
              {isSaved ? 'Saved' : isSaving ? 'Saving…' : 'Shift+Enter for a new line · Esc to hide'}
            </p>
          </>
        )}
      </div>
    </main>
  );
}
