import { useEffect, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Task } from '../../../src-shared/contract';
import { TaskRow, type RowContext, type RowDrag } from './task-row';
import { subtasksOf, visibleTasks } from './task-tree';
import { useTasksStore } from './tasks-store';

/** Where focus goes when the list has nothing left to focus. */
import { QUICK_ADD_ID } from './task-ids';

function focusTask(id: string | undefined): void {
  if (id === undefined) return;
  // After React has drawn the change: a moved or re-nested row may be a new element.
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-task-check="${id}"]`)?.focus());
}

/** Arrow keys: the row is already there, so focus moves now — a key pressed right after must start from it. */
function focusTaskNow(id: string | undefined): void {
  if (id === undefined) return;
  document.querySelector<HTMLElement>(`[data-task-check="${id}"]`)?.focus();
}

function placeOf(event: DragEvent<HTMLElement>): 'before' | 'after' {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY < box.top + box.height / 2 ? 'before' : 'after';
}

/**
 * The tasks of one list, parents with their subtasks. Keyboard: ↑/↓ (Home/End) move between
 * tasks, Space or X completes, Enter edits, Delete asks to delete, →/← show or hide subtasks,
 * Alt+↑/↓ reorder, Alt+→ makes a task a subtask of the one above, Alt+← takes it out. The mouse
 * can drag a task among its siblings.
 */
export function TaskList({ items, now }: { items: readonly Task[]; now: number }) {
  const timeZone = useTasksStore((state) => state.timeZone);
  const today = useTasksStore((state) => state.today);
  const collapsed = useTasksStore((state) => state.collapsed);
  const { toggle, edit, confirmDelete, setCollapsed, move, moveTo, nest, announce } = useTasksStore.getState();
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const [dragging, setDragging] = useState<{ id: string; target: RowDrag['target'] } | undefined>(undefined);
  const visible = visibleTasks(items, collapsed);
  const order = useRef<string[]>([]);
  useEffect(() => {
    order.current = visible.map((task) => task.id);
  });
  // A row drawn anew (moved under another parent, or refreshed by an event that came in between)
  // drops the keyboard focus on the page: give it to the same task's new row.
  const focused = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const element = focused.current;
    if (element === null || element.isConnected) return;
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    document.querySelector<HTMLElement>(`[data-task-check="${element.dataset['taskCheck'] ?? ''}"]`)?.focus();
  });
  const rovingId = visible.some((task) => task.id === activeId) ? activeId : visible[0]?.id;

  function focusAfterDelete(task: Task): void {
    const gone = new Set([task.id, ...subtasksOf(items, task.id).map((each) => each.id)]);
    const at = order.current.indexOf(task.id);
    const after = order.current.slice(at + 1).find((id) => !gone.has(id));
    const before = order.current.slice(0, Math.max(at, 0)).reverse().find((id) => !gone.has(id));
    const next = after ?? before;
    if (next === undefined) requestAnimationFrame(() => document.getElementById(QUICK_ADD_ID)?.focus());
    else focusTask(next);
  }

  async function onKeyDown(event: KeyboardEvent<HTMLUListElement>): Promise<void> {
    const target = event.target as HTMLElement;
    const id = target.dataset['taskCheck'];
    const task = items.find((each) => each.id === id);
    if (task === undefined) return;
    const index = visible.indexOf(task);
    const hasChildren = subtasksOf(items, task.id).length > 0;
    const isCollapsed = collapsed[task.id] === true;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    const alt = event.altKey && !event.ctrlKey && !event.metaKey;
    const actions: Partial<Record<string, () => Promise<void> | void>> = plain
      ? {
          ArrowDown: () => focusTaskNow(visible[index + 1]?.id),
          ArrowUp: () => focusTaskNow(visible[index - 1]?.id),
          Home: () => focusTaskNow(visible[0]?.id),
          End: () => focusTaskNow(visible.at(-1)?.id),
          x: () => toggle(task),
          Enter: () => edit(task.id),
          Delete: () => confirmDelete(task.id),
          Backspace: () => confirmDelete(task.id),
          ArrowRight: () => {
            if (hasChildren && isCollapsed) setCollapsed(task.id, false);
            else if (hasChildren) focusTaskNow(subtasksOf(items, task.id)[0]?.id);
          },
          ArrowLeft: () => {
            if (task.parentId !== null) focusTaskNow(task.parentId);
            else if (hasChildren && !isCollapsed) setCollapsed(task.id, true);
          },
        }
      : alt
        ? {
            ArrowUp: () => move(task, -1),
            ArrowDown: () => move(task, 1),
            ArrowRight: () => nest(task, true),
            ArrowLeft: () => nest(task, false),
          }
        : {};
    const action = actions[event.key];
    if (action === undefined) return;
    event.preventDefault();
    await action();
    if (alt) focusTask(task.id);
  }

  const drag: RowDrag = {
    target: dragging?.target,
    start(task, event) {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', task.title);
      setDragging({ id: task.id, target: undefined });
    },
    over(task, event) {
      const moving = items.find((each) => each.id === dragging?.id);
      // Only among siblings; a subtask's line sits inside its parent's item, so stop here.
      if (moving === undefined || moving.id === task.id || moving.parentId !== task.parentId) return;
      event.preventDefault();
      event.stopPropagation();
      const place = placeOf(event);
      if (dragging?.target?.id !== task.id || dragging.target.place !== place) setDragging({ id: moving.id, target: { id: task.id, place } });
    },
    drop(task, event) {
      const moving = items.find((each) => each.id === dragging?.id);
      if (moving === undefined || dragging?.target === undefined || moving.parentId !== task.parentId) return;
      event.preventDefault();
      event.stopPropagation();
      const { place } = dragging.target;
      setDragging(undefined);
      void moveTo(moving.id, task.id, place).then((isMoved) => {
        if (isMoved) announce(`Moved “${moving.title}” ${place} “${task.title}”.`);
      });
    },
    end: () => setDragging(undefined),
  };

  const context: RowContext = { activeId: rovingId, now, timeZone, today, drag, focusAfterDelete };
  const parents = items.filter((task) => task.parentId === null);
  return (
    <ul
      className="task-list"
      aria-label="Tasks"
      onKeyDown={(event) => void onKeyDown(event)}
      onFocus={(event) => {
        const id = event.target.dataset['taskCheck'];
        if (id === undefined) return;
        focused.current = event.target;
        setActiveId(id);
      }}
    >
      {parents.map((task) => (
        <TaskRow key={task.id} task={task} subtasks={subtasksOf(items, task.id)} context={context} />
      ))}
    </ul>
  );
}
