import type { ThoughtEvent, ThoughtEventType } from '../../../src-shared/contract';
import { formatFull } from '../../ui/format-time';
import { When } from '../../ui/when';

const EVENT_LABELS: Record<ThoughtEventType, string> = {
  'thought.captured': 'Captured',
  'thought.edited': 'Edited',
  'thought.archived': 'Archived',
  'thought.unarchived': 'Unarchived',
  'thought.deleted': 'Moved to trash',
  'thought.restored': 'Restored',
};

/** Every version, newest first, each with the text as it was after that change. */
export function ThoughtHistory({ events }: { events: readonly ThoughtEvent[] }) {
  const newestFirst = [...events].reverse();
  return (
    <section className="thought-history" aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      {events.length === 0 ? (
        <p className="muted">No history yet.</p>
      ) : (
        <ol className="history-list" aria-label="History">
          {newestFirst.map((event, index) => {
            const previous = newestFirst[index + 1];
            const isTextChange = previous === undefined || previous.snapshot.text !== event.snapshot.text;
            return (
              <li key={event.id} className="history-entry" aria-label={`${EVENT_LABELS[event.type]}, ${formatFull(event.at)}`}>
                <p className="history-meta">
                  <span className="history-label">{EVENT_LABELS[event.type]}</span>
                  {event.actor === 'system' && <span className="thought-badge">by Cairn</span>}
                  <When iso={event.at} />
                </p>
                {isTextChange && <p className="history-text">{event.snapshot.text}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
