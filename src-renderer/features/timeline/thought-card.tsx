import type { ReactNode } from 'react';
import type { Thought } from '../../../src-shared/contract';
import { TagList } from '../../ui/tag-list';
import { When } from '../../ui/when';

const TYPE_LABELS: Record<Thought['type'], string | undefined> = {
  note: undefined,
  idea: 'Idea',
  question: 'Question',
  journal: 'Journal',
  reflection: 'Reflection',
  task: 'Task',
};

/** Where opening a thought leads: the hash route keeps Enter, click and back working natively. */
export function thoughtHref(id: string): string {
  return `#thought=${id}`;
}

/**
 * One thought as a link to its detail; shared by the timeline and search results. `note` adds a
 * quiet word at the end of the meta line (why a search result matched).
 */
export function ThoughtCard({ thought, body, note }: { thought: Thought; body?: ReactNode; note?: ReactNode }) {
  const typeLabel = TYPE_LABELS[thought.type];
  return (
    <a className="thought-card" href={thoughtHref(thought.id)} data-thought-id={thought.id}>
      <span className="thought-text">{body ?? thought.text}</span>
      <span className="thought-meta">
        <When iso={thought.createdAt} />
        {thought.updatedAt !== thought.createdAt && <span className="thought-badge">edited</span>}
        {typeLabel !== undefined && <span className="thought-badge">{typeLabel}</span>}
        <TagList tags={thought.tags} />
        {note}
      </span>
    </a>
  );
}
