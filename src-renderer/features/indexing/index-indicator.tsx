import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { IndexStatus } from '../../../src-shared/contract';
import { NoticeIcon } from '../../ui/icons';
import { ErrorMessage } from '../../ui/error-message';
import { describeIndexing, describePaused, PAUSED_NOTE } from './index-format';
import { useIndexStatusStore, waitingCount } from './index-status-store';
import { PauseButton } from './pause-button';
import './indexing.css';

/**
 * Capturing one thought indexes it within a moment; showing a bar for that would flicker on every
 * save. Progress appears only once indexing has gone on for this long.
 */
const SHOW_AFTER_MS = 1_200;

function useAfterDelay(isOn: boolean, delayMs: number): boolean {
  const [hasWaited, setWaited] = useState(false);
  useEffect(() => {
    if (!isOn) {
      setWaited(false);
      return undefined;
    }
    const timer = window.setTimeout(() => setWaited(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [isOn, delayMs]);
  return isOn && hasWaited;
}

/** What a screen reader hears; sighted people see the bar or the notice instead. */
function summary(status: IndexStatus | undefined): string {
  switch (status?.state) {
    case 'ready':
      return 'Search by meaning is ready.';
    case 'unavailable':
      return 'Search by meaning is off; searching by words only.';
    case 'loading':
      return 'Preparing search by meaning…';
    default:
      return '';
  }
}

/**
 * In the header: quiet when all is well, progress while indexing, a calm notice when meaning
 * search is off, and what waits while paused. The pause button is always there (a quiet icon),
 * so indexing can be paused before a big import as well as during one.
 */
export function IndexIndicator() {
  const status = useIndexStatusStore((state) => state.status);
  const error = useIndexStatusStore((state) => state.switchError);
  const isPaused = status?.paused === true;
  const isIndexing = useAfterDelay(status?.state === 'indexing' && !isPaused, SHOW_AFTER_MS);
  const isLoading = useAfterDelay(status?.state === 'loading' && !isPaused, SHOW_AFTER_MS);

  return (
    <div className="index-indicator">
      {isPaused ? (
        <div role="status" className="index-progress index-paused">
          <p className="index-progress-text">{describePaused(waitingCount(status))}</p>
          <p className="index-paused-note">{PAUSED_NOTE}</p>
        </div>
      ) : isIndexing && status !== undefined ? (
        <div className="index-progress">
          <p role="status" className="index-progress-text">
            {describeIndexing(status.embedded, status.total, status.etaSeconds)}
          </p>
          <progress className="index-progress-bar" aria-label="Indexing progress" max={Math.max(1, status.total)} value={status.embedded} />
        </div>
      ) : (
        <p role="status" className={isLoading ? 'index-quiet' : 'visually-hidden'}>
          {summary(status)}
        </p>
      )}
      {status?.state === 'unavailable' && <UnavailableNotice message={status.message} />}
      {status !== undefined && <PauseButton />}
      {error !== undefined && <ErrorMessage error={error} className="index-error" />}
    </div>
  );
}

function UnavailableNotice({ message }: { message: string | null }) {
  const [isOpen, setOpen] = useState(false);
  const noteId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Escape' || !isOpen) return;
    // Esc closes this first; the shell's Esc (close the thought) waits for the next press.
    event.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  }

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  }

  return (
    <div className="index-notice" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="index-notice-button"
        aria-expanded={isOpen}
        aria-controls={noteId}
        title="Search by meaning is off"
        onClick={() => setOpen((open) => !open)}
      >
        <NoticeIcon />
        <span className="index-notice-label">Words only</span>
      </button>
      <div id={noteId} role="note" className="index-notice-popover" hidden={!isOpen}>
        <p className="index-notice-title">Search by meaning is off</p>
        <p>{message ?? 'No embedding model is available, so Cairn searches by words only.'}</p>
      </div>
    </div>
  );
}
