import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Thought } from '../../../src-shared/contract';
import { ErrorMessage } from '../../ui/error-message';
import { When } from '../../ui/when';
import { ThoughtSuggestions } from '../suggestions/thought-suggestions';
import { RelatedThoughts } from './related-thoughts';
import { ThoughtHistory } from './thought-history';
import { useThoughtStore, type TagAction, type ThoughtAction } from './thought-store';
import { ThoughtTags } from './thought-tags';
import './thought.css';

const PENDING_LABELS: Record<ThoughtAction, string> = {
  save: 'Saving…',
  archive: 'Archiving…',
  unarchive: 'Unarchiving…',
  delete: 'Moving to the trash…',
  restore: 'Restoring…',
};

/** Where the keyboard goes after an action: its opposite, which took the pressed button's place (a save has none). */
const FOCUS_AFTER: Record<ThoughtAction, ThoughtAction> = {
  save: 'save',
  archive: 'unarchive',
  unarchive: 'archive',
  delete: 'restore',
  restore: 'delete',
};

const TAG_PENDING_LABELS: Record<TagAction, string> = {
  accept: 'Adding the tag…',
  remove: 'Removing the tag…',
};

/** The detail of one thought, beside the timeline. Esc (handled by the shell) closes it. */
export function ThoughtPanel({ onClose }: { onClose(): void }) {
  const thought = useThoughtStore((state) => state.thought);
  const isLoading = useThoughtStore((state) => state.isLoading);
  const error = useThoughtStore((state) => state.error);
  const history = useThoughtStore((state) => state.history);
  const openId = useThoughtStore((state) => state.openId);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Also when a related thought opens in place: the link that was clicked is about to go away.
  useEffect(() => {
    headingRef.current?.focus();
  }, [openId]);

  return (
    <aside className="thought-panel" role="dialog" aria-modal="false" aria-labelledby="thought-heading">
      <header className="thought-panel-header">
        <h2 id="thought-heading" tabIndex={-1} ref={headingRef}>
          Thought
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose} aria-keyshortcuts="Escape">
          Close
        </button>
      </header>
      {isLoading && <p className="muted">Loading…</p>}
      {error !== undefined && thought === undefined && <ErrorMessage error={error} />}
      {thought !== undefined && (
        <>
          <ThoughtEditor thought={thought} />
          <ThoughtSuggestions thoughtId={thought.id} />
          <RelatedThoughts thoughtId={thought.id} />
          <ThoughtHistory key={thought.id} thought={thought} events={history} />
        </>
      )}
    </aside>
  );
}

function stateLabel(thought: Thought): string | undefined {
  if (thought.deletedAt !== null) return 'In the trash';
  if (thought.archivedAt !== null) return 'Archived';
  return undefined;
}

function ThoughtEditor({ thought }: { thought: Thought }) {
  const edit = useThoughtStore((state) => state.edits[thought.id]);
  const pendingAction = useThoughtStore((state) => state.pendingAction);
  const pendingTag = useThoughtStore((state) => state.pendingTag);
  const notice = useThoughtStore((state) => state.notice);
  const error = useThoughtStore((state) => state.error);
  const setEdit = useThoughtStore((state) => state.setEdit);
  const discardEdit = useThoughtStore((state) => state.discardEdit);
  const run = useThoughtStore((state) => state.run);
  const isDirty = edit !== undefined;
  const pendingRevert = useThoughtStore((state) => state.pendingRevert);
  const isBusy = pendingAction !== undefined || pendingTag !== undefined || pendingRevert !== undefined;
  const isTrashed = thought.deletedAt !== null;
  const label = stateLabel(thought);
  const actionsRef = useRef<HTMLDivElement>(null);

  function statusText(): string {
    if (pendingAction !== undefined) return PENDING_LABELS[pendingAction];
    if (pendingTag !== undefined) return TAG_PENDING_LABELS[pendingTag.action];
    return notice ?? (isDirty ? 'Unsaved changes.' : '');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (isDirty) void run('save');
    }
  }

  async function act(action: ThoughtAction): Promise<void> {
    await run(action);
    // The pressed button was disabled while waiting, which drops focus, and is then replaced: put the
    // keyboard on its opposite, else on it again (it failed), else in the text (Save stays disabled).
    requestAnimationFrame(() => {
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      const buttons = actionsRef.current;
      const target =
        buttons?.querySelector<HTMLElement>(`[data-action="${FOCUS_AFTER[action]}"]:not(:disabled)`) ??
        buttons?.querySelector<HTMLElement>(`[data-action="${action}"]:not(:disabled)`) ??
        document.getElementById('thought-text');
      target?.focus();
    });
  }

  function discard(): void {
    discardEdit();
    // The button goes away with the edit; the text it put back is where to carry on.
    document.getElementById('thought-text')?.focus();
  }

  return (
    <div className="thought-editor">
      <p className="thought-panel-meta">
        <When iso={thought.createdAt} prefix="Captured " />
        {thought.updatedAt !== thought.createdAt && <When iso={thought.updatedAt} prefix="· changed " />}
        {label !== undefined && <span className="thought-badge thought-state">{label}</span>}
      </p>
      <label htmlFor="thought-text" className="field-label">
        Thought text
      </label>
      <textarea
        id="thought-text"
        className="thought-textarea"
        value={edit ?? thought.text}
        readOnly={isTrashed}
        aria-describedby="thought-status"
        onChange={(event) => setEdit(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ThoughtTags thought={thought} isReadOnly={isTrashed} />
      <div className="thought-actions" ref={actionsRef}>
        {!isTrashed && (
          <>
            <button type="button" className="button button-primary" disabled={!isDirty || isBusy} data-action="save" onClick={() => void act('save')} aria-keyshortcuts="Control+Enter">
              Save
            </button>
            {isDirty && (
              <button type="button" className="button" disabled={isBusy} onClick={discard}>
                Discard changes
              </button>
            )}
            <span className="thought-actions-spacer" />
            {thought.archivedAt === null ? (
              <button type="button" className="button" disabled={isBusy} data-action="archive" onClick={() => void act('archive')}>
                Archive
              </button>
            ) : (
              <button type="button" className="button" disabled={isBusy} data-action="unarchive" onClick={() => void act('unarchive')}>
                Unarchive
              </button>
            )}
            <button type="button" className="button button-danger" disabled={isBusy} data-action="delete" onClick={() => void act('delete')}>
              Move to trash
            </button>
          </>
        )}
        {isTrashed && (
          <button type="button" className="button button-primary" disabled={isBusy} data-action="restore" onClick={() => void act('restore')}>
            Restore
          </button>
        )}
      </div>
      <div id="thought-status" className="thought-status">
        {error !== undefined ? (
          <ErrorMessage error={error} />
        ) : (
          <p role="status">{statusText()}</p>
        )}
      </div>
    </div>
  );
}
