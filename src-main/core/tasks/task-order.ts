import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import { setTaskPosition, siblingsInOrder, type TaskRow } from '../db/repositories/tasks';

/**
 * Positions are fractions: a move writes one row, halfway between its new neighbours. After ~20
 * moves into the same gap the halves get this small, and the siblings are numbered 1, 2, 3 … again.
 */
export const MIN_GAP = 1e-6;

function between(low: number | undefined, high: number | undefined): number | undefined {
  if (low === undefined) return high === undefined ? 1 : high - 1;
  if (high === undefined) return low + 1;
  return high - low > MIN_GAP ? (low + high) / 2 : undefined;
}

/** Moves `task` just before or after `anchor`, its sibling. Call inside a transaction. */
export function moveTask(sqlite: BetterSqlite3.Database, task: TaskRow, anchor: TaskRow, place: 'before' | 'after'): void {
  if (task.id === anchor.id) throw new AppError('invalid_input', 'A task cannot be moved next to itself.', { id: task.id });
  if (task.parent_id !== anchor.parent_id) {
    throw new AppError('invalid_state', 'A task moves only among its siblings: both top-level, or subtasks of the same task.', {
      id: task.id,
      relativeTo: anchor.id,
    });
  }
  const siblings = siblingsInOrder(sqlite, task.parent_id).filter((sibling) => sibling.id !== task.id);
  const index = siblings.findIndex((sibling) => sibling.id === anchor.id) + (place === 'after' ? 1 : 0);
  const position = between(siblings[index - 1]?.position, siblings[index]?.position);
  if (position !== undefined) {
    setTaskPosition(sqlite, task.id, position);
    return;
  }
  const order = [...siblings.slice(0, index).map((sibling) => sibling.id), task.id, ...siblings.slice(index).map((sibling) => sibling.id)];
  order.forEach((id, at) => setTaskPosition(sqlite, id, at + 1));
}
