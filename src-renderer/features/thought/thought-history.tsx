import { useEffect, useRef, useState } from 'react';
import type { Thought, ThoughtEvent } from '../../../src-shared/contract';
import type { CairnError } from '../../api/errors';
import { ErrorMessage } from '../../ui/error-message';
import { HistoryEntry, sameContent } from './history-entry';
import { useThoughtStore } from './thought-store';

/** Newest entries shown at first; older ones wait behind "Show N earlier" to keep the panel calm. */
const VISIBLE_ENTRIES = 5;

/** What a failed restore means here, and what to do about it. */
const REVERT_ADVICE: Partial<Record<CairnError['code'], string>> = {
  conflict: 'This thought changed somewhere else in the meantime, so nothing was restored. Its history is up to date now: look again and choose.',
  not_found: 'That version is no longer there, so nothing was restored. The history is up to date now.',
  invalid_state: 'This thought is in the trash. Restore it from the trash first, then bring back an earlier version.',
};

/** Entries that brought in a version of their own (not a repeat of the one before). */
function introducesContent(event: ThoughtEvent, previous: ThoughtEvent | undefined): boolean {
  return previous === undefined || !sameContent(previous.snapshot, event.snapshot);
}

function RevertOutcomeView() {
  const outcome = useThoughtStore((state) => state.revertOutcome);
  const error = useThoughtStore((state) => state.revertError);
  const isBusy = useThoughtStore((state) => state.pendingRevert !== undefined);
  const undoRevert = useThoughtStore((state) => state.undoRevert);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // The button that was pressed is gone (that version is now the current one): focus the outcome,
  // whose Undo is the next Tab away.
  useEffect(() => {
    if (outcome !== undefined) outcomeRef.current?.focus();
  }, [outcome?.key]);

  return (
    <div className="history-outcome" ref={outcomeRef} tabIndex={-1}>
      {error !== undefined ? (
        <ErrorMessage error={error} advice={REVERT_ADVICE[error.code]} />
      ) : (
        // A live region rather than role=status: the editor's status line is the panel's one status.
        <p aria-live="polite">{isBusy ? 'Restoring that version…' : (outcome?.message ?? '')}</p>
      )}
      {error === undefined && outcome?.undoEventId !== undefined && (
        <button type="button" className="button history-restore" disabled={isBusy} onClick={() => void undoRevert()}>
          Undo
        </button>
      )}
    </div>
  );
}

/**
 * Every version, newest first: what changed against the one before (a word diff for the text),
 * and for each earlier version a way to bring it back as a new version, with an Undo.
 */
export function ThoughtHistory({ thought, events }: { thought: Thought; events: readonly ThoughtEvent[] }) {
  const [isExpanded, setExpanded] = useState(false);
  const isDirty = useThoughtStore((state) => state.edits[thought.id] !== undefined);
  const isBusy = useThoughtStore((state) => state.pendingRevert !== undefined || state.pendingAction !== undefined || state.pendingTag !== undefined);
  const revert = useThoughtStore((state) => state.revert);
  const newestFirst = [...events].reverse();
  const current = newestFirst[0];
  const hiddenCount = isExpanded ? 0 : Math.max(0, newestFirst.length - VISIBLE_ENTRIES);
  const byId = new Map(events.map((event) => [event.id, event]));
  const isTrashed = thought.deletedAt !== null;
  const canRestoreAny = !isTrashed && !isDirty;

  return (
    <section className="thought-history" aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      {events.length === 0 ? (
        <p className="muted">No history yet.</p>
      ) : (
        <>
          {isTrashed && <p className="history-hint">To bring back an earlier version, restore the thought from the trash first.</p>}
          {!isTrashed && isDirty && <p className="history-hint">Save or discard your changes to the text to restore an earlier version.</p>}
          <RevertOutcomeView />
          <ol className="history-list" id="history-list" aria-label="History">
            {newestFirst.slice(0, newestFirst.length - hiddenCount).map((event, index) => {
              const previous = newestFirst[index + 1];
              const offersRestore =
                canRestoreAny && current !== undefined && index > 0 && introducesContent(event, previous) && !sameContent(event.snapshot, current.snapshot);
              return (
                <HistoryEntry
                  key={event.id}
                  event={event}
                  previous={previous}
                  revertedTo={event.revertedTo === undefined ? undefined : byId.get(event.revertedTo)}
                  canRestore={offersRestore}
                  isBusy={isBusy}
                  onRestore={(chosen) => void revert(chosen)}
                />
              );
            })}
          </ol>
          {newestFirst.length > VISIBLE_ENTRIES && (
            <button
              type="button"
              className="button button-quiet history-more"
              aria-expanded={isExpanded}
              aria-controls="history-list"
              onClick={() => setExpanded(!isExpanded)}
            >
              {isExpanded ? 'Show fewer' : `Show ${hiddenCount} earlier`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
