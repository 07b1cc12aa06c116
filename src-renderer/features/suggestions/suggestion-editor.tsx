import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TaskSuggestion } from '../../../src-shared/contract';
import { fromLocalInputValue, toLocalInputValue } from '../../ui/format-time';
import type { SuggestionEdits } from './suggestions-store';

/** Only what changed is sent, so an untouched field keeps exactly what Cairn found. */
function editsFrom(suggestion: TaskSuggestion, title: string, due: string, initialDue: string, hasTime: boolean): SuggestionEdits {
  const edits: SuggestionEdits = {};
  const trimmed = title.trim();
  if (trimmed !== suggestion.title) edits.title = trimmed;
  if (due !== initialDue) {
    const dueAt = fromLocalInputValue(due, hasTime, suggestion.dueAt);
    edits.dueAt = dueAt ?? null;
  }
  return edits;
}

/** Inline: change the title and due date, then accept. Enter accepts, Esc goes back. */
export function SuggestionEditor({
  suggestion,
  isBusy,
  onAccept,
  onCancel,
}: {
  suggestion: TaskSuggestion;
  isBusy: boolean;
  onAccept(edits: SuggestionEdits): void;
  onCancel(): void;
}) {
  // A date without a time stays a date: the editor does not ask for a time nobody mentioned.
  const hasTime = suggestion.dueAt !== null && suggestion.dueHasTime;
  const initialDue = suggestion.dueAt === null ? '' : toLocalInputValue(suggestion.dueAt, hasTime);
  const [title, setTitle] = useState(suggestion.title);
  const [due, setDue] = useState(initialDue);
  const titleId = useId();
  const dueId = useId();
  const hintId = useId();
  const isTitleEmpty = title.trim().length === 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isTitleEmpty || isBusy) return;
    onAccept(editsFrom(suggestion, title, due, initialDue, hasTime));
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Escape') return;
    // Handled here: the shell's Esc would otherwise close the whole thought.
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  }

  return (
    <form className="suggestion-editor" onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label={`Edit “${suggestion.title}” before accepting`}>
      <div className="suggestion-field">
        <label htmlFor={titleId} className="field-label">
          Task title
        </label>
        <input
          id={titleId}
          className="text-input"
          value={title}
          maxLength={500}
          autoFocus
          aria-invalid={isTitleEmpty}
          aria-describedby={isTitleEmpty ? hintId : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        {isTitleEmpty && (
          <p id={hintId} className="suggestion-hint">
            A task needs a title.
          </p>
        )}
      </div>
      <div className="suggestion-field">
        <label htmlFor={dueId} className="field-label">
          {hasTime ? 'Due' : 'Due date'} <span className="muted">(optional)</span>
        </label>
        <input id={dueId} className="text-input" type={hasTime ? 'datetime-local' : 'date'} value={due} onChange={(event) => setDue(event.target.value)} />
      </div>
      <div className="suggestion-actions">
        <button type="submit" className="button button-primary button-small" disabled={isTitleEmpty || isBusy}>
          {isBusy ? 'Accepting…' : 'Accept'}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
