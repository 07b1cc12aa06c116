import { useId, type DragEvent } from 'react';
import type { Task } from '../../../src-shared/contract';
import { ChevronIcon, GripIcon, RepeatIcon } from '../../ui/icons';
import { TaskEditor } from './task-editor';
import { describeRecurrence, formatDue, isOverdue, priorityName } from './task-format';
import { useTasksStore } from './tasks-store';

/** Mouse reordering, owned by the list: which row is dragged and where it would land. */
export interface RowDrag {
  start(task: Task, event: DragEvent<HTMLElement>): void;
  over(task: Task, event: DragEvent<HTMLElement>): void;
  drop(task: Task, event: DragEvent<HTMLElement>): void;
  end(): void;
  target: { id: string; place: 'before' | 'after' } | undefined;
}

export interface RowContext {
  /** The one row in the Tab order (roving focus). */
  activeId: string | undefined;
  now: number;
  timeZone: string;
  today: string;
  drag: RowDrag;
  /** The row to focus once this one is gone (after a delete). */
  focusAfterDelete(task: Task): void;
}

function DeleteConfirm({ task, subtaskCount, onDone }: { task: Task; subtaskCount: number; onDone(isDeleted: boolean): void }) {
  const remove = useTasksStore((state) => state.remove);
  const textId = useId();
  const extra = subtaskCount === 0 ? '' : ` and its ${subtaskCount === 1 ? 'subtask' : `${subtaskCount} subtasks`}`;
  return (
    <div
      className="task-confirm"
      role="group"
      aria-labelledby={textId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onDone(false);
      }}
    >
      <p id={textId}>
        Delete “{task.title}”{extra}? This cannot be undone.
      </p>
      {/* Asked because the person pressed Delete: Enter now confirms, Esc keeps the task. */}
      <button type="button" className="button button-small button-danger" autoFocus onClick={() => void remove(task).then(onDone)}>
        Delete
      </button>
      <button type="button" className="button button-small" onClick={() => onDone(false)}>
        Keep it
      </button>
    </div>
  );
}

function Meta({ task, subtasks, context, id }: { task: Task; subtasks: readonly Task[]; context: RowContext; id: string }) {
  const isLate = isOverdue(task, context.now);
  const doneCount = subtasks.filter((each) => each.status === 'done').length;
  return (
    <span className="task-meta" id={id}>
      {task.status === 'done' && <span className="visually-hidden">Done.</span>}
      {task.priority > 0 && <span className={`task-priority task-priority-${task.priority}`}>{priorityName(task.priority)}</span>}
      {task.dueAt !== null && (
        <span className={isLate ? 'task-due task-overdue' : 'task-due'}>
          {isLate ? 'Overdue: ' : 'Due '}
          <time dateTime={task.dueAt}>{formatDue(task.dueAt, context.timeZone, context.today)}</time>
        </span>
      )}
      {task.recurrence !== null && (
        <span className="task-repeats">
          <RepeatIcon />
          {describeRecurrence(task.recurrence)}
        </span>
      )}
      {subtasks.length > 0 && (
        <span className="task-progress">
          {doneCount}/{subtasks.length} subtasks
        </span>
      )}
    </span>
  );
}

/**
 * One task: its checkbox (the row's keyboard stop), title (click to edit), priority, due date,
 * how it repeats, and its subtasks below it, indented, unless collapsed.
 */
export function TaskRow({ task, subtasks, context }: { task: Task; subtasks: readonly Task[]; context: RowContext }) {
  const toggle = useTasksStore((state) => state.toggle);
  const isCollapsed = useTasksStore((state) => state.collapsed[task.id] === true);
  const setCollapsed = useTasksStore((state) => state.setCollapsed);
  const isEditing = useTasksStore((state) => state.editingId === task.id);
  const isConfirming = useTasksStore((state) => state.confirmingId === task.id);
  const edit = useTasksStore((state) => state.edit);
  const confirmDelete = useTasksStore((state) => state.confirmDelete);
  const titleId = useId();
  const metaId = useId();
  const isDone = task.status === 'done';
  const drop = context.drag.target?.id === task.id ? ` task-drop-${context.drag.target.place}` : '';

  function refocus(): void {
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-task-check="${task.id}"]`)?.focus());
  }

  return (
    <li className={isDone ? 'task task-is-done' : 'task'} data-task-id={task.id}>
      <div
        className={`task-line${isEditing ? ' task-line-editing' : ''}${drop}`}
        draggable={!isEditing}
        onDragStart={(event) => context.drag.start(task, event)}
        onDragOver={(event) => context.drag.over(task, event)}
        onDrop={(event) => context.drag.drop(task, event)}
        onDragEnd={context.drag.end}
      >
        <span className="task-grip" title="Drag to reorder (or Alt+↑/↓)">
          <GripIcon />
        </span>
        {subtasks.length > 0 ? (
          <button
            type="button"
            className="task-expander"
            tabIndex={-1}
            aria-expanded={!isCollapsed}
            aria-label={`${isCollapsed ? 'Show' : 'Hide'} the subtasks of “${task.title}”`}
            onClick={() => setCollapsed(task.id, !isCollapsed)}
          >
            <ChevronIcon />
          </button>
        ) : (
          <span className="task-expander" aria-hidden="true" />
        )}
        <input
          type="checkbox"
          className="task-check"
          data-task-check={task.id}
          tabIndex={context.activeId === task.id ? 0 : -1}
          checked={isDone}
          aria-labelledby={titleId}
          aria-describedby={metaId}
          onChange={() => void toggle(task)}
        />
        <button type="button" id={titleId} className="task-title" tabIndex={-1} onClick={() => edit(isEditing ? undefined : task.id)}>
          {task.title}
        </button>
        <Meta task={task} subtasks={subtasks} context={context} id={metaId} />
      </div>
      {isEditing && (
        <TaskEditor
          task={task}
          timeZone={context.timeZone}
          onClose={() => {
            edit(undefined);
            refocus();
          }}
        />
      )}
      {isConfirming && (
        <DeleteConfirm
          task={task}
          subtaskCount={subtasks.length}
          onDone={(isDeleted) => {
            confirmDelete(undefined);
            if (isDeleted) context.focusAfterDelete(task);
            else refocus();
          }}
        />
      )}
      {subtasks.length > 0 && !isCollapsed && (
        <ul className="task-subtasks" aria-label={`Subtasks of “${task.title}”`}>
          {subtasks.map((subtask) => (
            <TaskRow key={subtask.id} task={subtask} subtasks={[]} context={context} />
          ))}
        </ul>
      )}
    </li>
  );
}
