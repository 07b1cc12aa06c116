import type { Thought, ThoughtView } from '../../../src-shared/contract';

/** Which timeline view a thought belongs to, mirroring the server's list filters. */
export function viewOf(thought: Thought): ThoughtView {
  if (thought.deletedAt !== null) return 'trash';
  if (thought.archivedAt !== null) return 'archived';
  return 'active';
}

/** Newest first, as `thoughts.list` orders them; ULIDs break ties in creation order. */
export function isNewer(a: Thought, b: Thought): boolean {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return byTime === 0 ? a.id > b.id : byTime > 0;
}

/** Replaces the thought with the same id or inserts it in order; returns a new array. */
export function placeThought(items: readonly Thought[], thought: Thought): Thought[] {
  const without = items.filter((item) => item.id !== thought.id);
  const index = without.findIndex((item) => isNewer(thought, item));
  const at = index === -1 ? without.length : index;
  return [...without.slice(0, at), thought, ...without.slice(at)];
}
