import type { Task } from '../../../src-shared/contract';

// A list arrives flat, in tree order: each top-level task followed by its subtasks.

/** The tasks sharing this one's parent (or all top-level ones), in order. */
export function siblingsOf(items: readonly Task[], task: Task): Task[] {
  return items.filter((each) => each.parentId === task.parentId);
}

export function subtasksOf(items: readonly Task[], parentId: string): Task[] {
  return items.filter((each) => each.parentId === parentId);
}

/** A task with its subtasks: what moves together. */
function block(items: readonly Task[], task: Task): Task[] {
  return task.parentId === null ? [task, ...subtasksOf(items, task.id)] : [task];
}

/** The list as it will be once `id` sits before or after `relativeTo` (its sibling). */
export function moveLocally(items: readonly Task[], id: string, relativeTo: string, place: 'before' | 'after'): Task[] {
  const task = items.find((each) => each.id === id);
  const anchor = items.find((each) => each.id === relativeTo);
  if (task === undefined || anchor === undefined || task.parentId !== anchor.parentId) return [...items];
  const moving = block(items, task);
  const rest = items.filter((each) => !moving.includes(each));
  const anchorBlock = block(rest, anchor);
  const at = rest.indexOf(anchor) + (place === 'after' ? anchorBlock.length : 0);
  return [...rest.slice(0, at), ...moving, ...rest.slice(at)];
}

/** What a person can see: subtasks of collapsed parents are hidden. */
export function visibleTasks(items: readonly Task[], collapsed: Readonly<Record<string, boolean>>): Task[] {
  return items.filter((task) => task.parentId === null || collapsed[task.parentId] !== true);
}
