import { useId, useRef, useState } from 'react';
import type { TaskSuggestion } from '../../../src-shared/contract';
import { ErrorMessage } from '../../ui/error-message';
import { focusAfterRemoval } from '../../ui/focus-after-removal';
import { formatDue, formatFull } from '../../ui/format-time';
import { thoughtHref } from '../timeline/thought-card';
import { SuggestionEditor } from './suggestion-editor';
import { suggestionAdvice, useSuggestionsStore, type SuggestionEdits } from './suggestions-store';

export function DueDate({ suggestion }: { suggestion: TaskSuggestion }) {
  if (suggestion.dueAt === null) return null;
  return (
    <span className="suggestion-due">
      Due{' '}
      <time dateTime={suggestion.dueAt} title={formatFull(suggestion.dueAt)}>
        {formatDue(suggestion.dueAt, suggestion.dueHasTime)}
      </time>
    </span>
  );
}

/**
 * One task Cairn found: accept as is, edit the title and due date first, or dismiss for good. In
 * the inbox it also shows the thought it came from, as a link to it.
 */
export function SuggestionCard({
  suggestion,
  showsThought,
  focusFallback,
}: {
  suggestion: TaskSuggestion;
  showsThought: boolean;
  /** What to focus when this was the last card. */
  focusFallback(): HTMLElement | null;
}) {
  const busy = useSuggestionsStore((state) => state.busy[suggestion.id]);
  const failure = useSuggestionsStore((state) => state.failures[suggestion.id]);
  const accept = useSuggestionsStore((state) => state.accept);
  const dismiss = useSuggestionsStore((state) => state.dismiss);
  const [isEditing, setEditing] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const isBusy = busy !== undefined;

  async function run(action: 'accept' | 'dismiss', edits?: SuggestionEdits): Promise<void> {
    const restoreFocus = focusAfterRemoval(itemRef.current, focusFallback);
    const isDone = action === 'accept' ? await accept(suggestion, edits) : await dismiss(suggestion);
    if (isDone) restoreFocus();
    // The buttons were disabled while waiting, which drops focus; put it back where it was.
    else if (document.activeElement === document.body) itemRef.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
  }

  function stopEditing(): void {
    setEditing(false);
    requestAnimationFrame(() => editButtonRef.current?.focus());
  }

  return (
    <li ref={itemRef} className="card suggestion" aria-labelledby={titleId} aria-busy={isBusy} data-suggestion-id={suggestion.id}>
      {showsThought && (
        <a className="suggestion-thought" href={thoughtHref(suggestion.thoughtId)} title="Open the thought this came from">
          {suggestion.thoughtExcerpt}
        </a>
      )}
      <p className="suggestion-title" id={titleId} title={`Confidence ${Math.round(suggestion.confidence * 100)}%`}>
        {suggestion.title}
      </p>
      <DueDate suggestion={suggestion} />
      {isEditing ? (
        <SuggestionEditor
          suggestion={suggestion}
          isBusy={isBusy}
          onAccept={(edits) => void run('accept', edits)}
          onCancel={stopEditing}
        />
      ) : (
        <div className="suggestion-actions">
          <button type="button" className="button button-primary button-small" disabled={isBusy} onClick={() => void run('accept')}>
            {busy === 'accept' ? 'Accepting…' : 'Accept'}
          </button>
          <button ref={editButtonRef} type="button" className="button button-small" disabled={isBusy} onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="button button-quiet button-small" disabled={isBusy} onClick={() => void run('dismiss')}>
            {busy === 'dismiss' ? 'Dismissing…' : 'Dismiss'}
          </button>
        </div>
      )}
      {failure !== undefined && <ErrorMessage error={failure} advice={suggestionAdvice(failure)} />}
    </li>
  );
}
