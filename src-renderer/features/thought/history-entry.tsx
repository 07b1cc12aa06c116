import type { ThoughtEvent, ThoughtEventType, ThoughtSnapshot } from '../../../src-shared/contract';
import { formatFull } from '../../ui/format-time';
import { When } from '../../ui/when';
import { HistoryDiff } from './history-diff';
import { formatVersionTime } from './version-time';

const EVENT_LABELS: Record<ThoughtEventType, string> = {
  'thought.captured': 'Captured',
  'thought.edited': 'Edited',
  'thought.archived': 'Archived',
  'thought.unarchived': 'Unarchived',
  'thought.deleted': 'Moved to trash',
  'thought.restored': 'Restored from the trash',
  'thought.reverted': 'Restored an earlier version',
};

/** What "restore this version" brings back: what the thought says, not where it lives. */
export function sameContent(left: ThoughtSnapshot, right: ThoughtSnapshot): boolean {
  const tags = new Set(left.tags);
  return left.text === right.text && left.type === right.type && left.tags.length === right.tags.length && right.tags.every((tag) => tags.has(tag));
}

function eventLabel(event: ThoughtEvent, revertedTo: ThoughtEvent | undefined): string {
  if (event.type === 'thought.reverted' && revertedTo !== undefined) return `Restored the version from ${formatVersionTime(revertedTo.at)}`;
  return EVENT_LABELS[event.type];
}

function TagChanges({ before, after }: { before: readonly string[]; after: readonly string[] }) {
  const added = after.filter((tag) => !before.includes(tag));
  const removed = before.filter((tag) => !after.includes(tag));
  if (added.length === 0 && removed.length === 0) return null;
  return (
    <p className="history-detail">
      Tags{' '}
      {added.map((tag) => (
        <span key={`+${tag}`} className="history-tag history-tag-added">
          <span aria-hidden="true">+</span>
          <span className="visually-hidden">added </span>#{tag}
        </span>
      ))}
      {removed.map((tag) => (
        <span key={`-${tag}`} className="history-tag history-tag-removed">
          <span aria-hidden="true">−</span>
          <span className="visually-hidden">removed </span>#{tag}
        </span>
      ))}
    </p>
  );
}

/** Pinned, private and type changes in words; state changes are the entry's label already. */
function otherChanges(before: ThoughtSnapshot, after: ThoughtSnapshot): string[] {
  const words: string[] = [];
  if (before.type !== after.type) words.push(`Type: ${after.type} (was ${before.type})`);
  if (before.pinned !== after.pinned) words.push(after.pinned ? 'Pinned' : 'Unpinned');
  if (before.isPrivate !== after.isPrivate) words.push(after.isPrivate ? 'Made private' : 'No longer private');
  return words;
}

function Changes({ event, previous }: { event: ThoughtEvent; previous: ThoughtEvent | undefined }) {
  const { snapshot } = event;
  if (previous === undefined) return <p className="history-text">{snapshot.text}</p>;
  const others = otherChanges(previous.snapshot, snapshot);
  return (
    <>
      {previous.snapshot.text !== snapshot.text && <HistoryDiff before={previous.snapshot.text} after={snapshot.text} />}
      <TagChanges before={previous.snapshot.tags} after={snapshot.tags} />
      {others.length > 0 && <p className="history-detail">{others.join(' · ')}</p>}
    </>
  );
}

export interface HistoryEntryProps {
  event: ThoughtEvent;
  /** The event before this one; undefined for the first. */
  previous: ThoughtEvent | undefined;
  /** On a restore: the event whose version it brought back. */
  revertedTo: ThoughtEvent | undefined;
  /** Offer to bring this version back (it differs from what the thought says now). */
  canRestore: boolean;
  isBusy: boolean;
  onRestore(event: ThoughtEvent): void;
}

/** One version: what happened, when, what changed against the version before, and a way back. */
export function HistoryEntry({ event, previous, revertedTo, canRestore, isBusy, onRestore }: HistoryEntryProps) {
  const label = eventLabel(event, revertedTo);
  const metaId = `history-meta-${event.id}`;
  return (
    <li className="history-entry" aria-label={`${label}, ${formatFull(event.at)}`}>
      <p className="history-meta" id={metaId}>
        <span className="history-label">{label}</span>
        {event.actor === 'system' && <span className="thought-badge">by Cairn</span>}
        <When iso={event.at} />
      </p>
      <Changes event={event} previous={previous} />
      {canRestore && (
        <button
          type="button"
          className="button history-restore"
          aria-describedby={metaId}
          disabled={isBusy}
          onClick={() => onRestore(event)}
        >
          Restore this version
        </button>
      )}
    </li>
  );
}
