import { ErrorMessage } from '../../ui/error-message';
import { CaptureTextarea } from './capture-textarea';
import { useMainCaptureStore } from './main-capture-store';
import { useSavedFlash } from './use-capture-keys';
import './capture.css';

export function CaptureBar() {
  const isSaving = useMainCaptureStore((state) => state.isSaving);
  const error = useMainCaptureStore((state) => state.error);
  const clear = useMainCaptureStore((state) => state.clear);
  const isSaved = useSavedFlash(useMainCaptureStore);

  return (
    <section className="capture-bar" aria-label="Capture">
      <CaptureTextarea
        store={useMainCaptureStore}
        id="capture-input"
        label="Capture a thought"
        placeholder="What's on your mind?"
        describedBy="capture-status"
        className="capture-input"
        onEscape={() => clear()}
      />
      <div id="capture-status" className="capture-status">
        {error !== undefined ? (
          <ErrorMessage error={error} />
        ) : (
          <p role="status" className={isSaved ? 'capture-saved' : 'capture-hint'}>
            {isSaved ? 'Saved' : isSaving ? 'Saving…' : <KeyHints />}
          </p>
        )}
      </div>
    </section>
  );
}

function KeyHints() {
  return (
    <>
      <kbd>Enter</kbd> to save · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line · <kbd>Esc</kbd> to clear
    </>
  );
}
