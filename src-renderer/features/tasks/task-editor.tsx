import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Task } from '../../../src-shared/contract';
import { draftProblem, fromDraft, RecurrenceFields, toDraft } from './recurrence-fields';
import { ChoiceSelect, PRIORITY_CHOICES } from './choice-select';
import { clockTime, dayKey, hasTime } from './task-format';
import { useTasksStore, type TaskPatch } from './tasks-store';

function dueValue(day: string, time: string): string | null {
  if (day === '') return null;
  return time === '' ? day : `${day}T${time}`;
}

/** Only what changed goes to the server, so the history says what the person changed. */
function changes(task: Task, next: Required<Omit<TaskPatch, 'status' | 'parentId' | 'goalId'>>, original: { due: string | null }): TaskPatch {
  const patch: TaskPatch = {};
  if (next.title.trim() !== task.title) patch.title = next.title.trim();
  if (next.notes !== task.notes) patch.notes = next.notes;
  if (next.priority !== task.priority) patch.priority = next.priority;
  if (next.dueAt !== original.due) patch.dueAt = next.dueAt;
  if (JSON.stringify(next.recurrence) !== JSON.stringify(task.recurrence)) patch.recurrence = next.recurrence;
  return patch;
}

/**
 * Edits one task in place: title, notes, priority, due date and time, how it repeats, and (for a
 * top-level task) its subtasks. Enter in a field saves; Esc closes without saving.
 */
export function TaskEditor({ task, timeZone, onClose }: { task: Task; timeZone: string; onClose(): void }) {
  const save = useTasksStore((state) => state.save);
  const create = useTasksStore((state) => state.create);
  const confirmDelete = useTasksStore((state) => state.confirmDelete);
  const initialDay = task.dueAt === null ? '' : dayKey(task.dueAt, timeZone);
  const initialTime = task.dueAt !== null && hasTime(task.dueAt, timeZone) ? clockTime(task.dueAt, timeZone) : '';
  const [title, setTitle] = useState(task.title);
  const [notes, setNotes] = useState(task.notes);
  const [priority, setPriority] = useState(task.priority);
  const [day, setDay] = useState(initialDay);
  const [time, setTime] = useState(initialTime);
  const [repeat, setRepeat] = useState(() => toDraft(task.recurrence, initialDay));
  const [subtask, setSubtask] = useState('');
  const [isBusy, setBusy] = useState(false);
  const ids = { title: useId(), notes: useId(), priority: useId(), day: useId(), time: useId(), subtask: useId() };
  const problem = title.trim() === '' ? 'A task needs a title.' : draftProblem(repeat);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (problem !== undefined || isBusy) return;
    const patch = changes(
      task,
      { title, notes, priority, dueAt: dueValue(day, time), recurrence: fromDraft(repeat) },
      { due: dueValue(initialDay, initialTime) },
    );
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    const isSaved = await save(task, patch);
    setBusy(false);
    if (isSaved) onClose();
  }

  async function addSubtask(event: KeyboardEvent<HTMLInputElement>): Promise<void> {
    if (event.key !== 'Enter') return;
    // Enter here adds a subtask; it must not also submit the editor around it.
    event.preventDefault();
    if (subtask.trim() === '') return;
    if (await create({ title: subtask.trim(), priority: 0, dueAt: null, parentId: task.id })) setSubtask('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key !== 'Escape') return;
    // Esc closes the editor only, not the thought panel or anything else listening.
    event.preventDefault();
    event.stopPropagation();
    onClose();
  }

  return (
    <form className="task-editor" aria-label={`Edit “${task.title}”`} onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
      <div className="task-field task-field-wide">
        <label htmlFor={ids.title}>Title</label>
        {/* The editor opens because the person asked for it: the keyboard goes straight to the title. */}
        <input id={ids.title} type="text" value={title} maxLength={500} autoFocus onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div className="task-field task-field-wide">
        <label htmlFor={ids.notes}>Notes</label>
        <textarea id={ids.notes} value={notes} rows={2} maxLength={10_000} onChange={(event) => setNotes(event.target.value)} />
      </div>
      <div className="task-editor-row">
        <div className="task-field">
          <label htmlFor={ids.priority}>Priority</label>
          <ChoiceSelect id={ids.priority} value={priority} choices={PRIORITY_CHOICES} onChange={setPriority} />
        </div>
        <div className="task-field">
          <label htmlFor={ids.day}>Due date</label>
          <input id={ids.day} type="date" value={day} onChange={(event) => setDay(event.target.value)} />
        </div>
        <div className="task-field">
          <label htmlFor={ids.time}>
            Time <span className="muted">(optional)</span>
          </label>
          <input id={ids.time} type="time" value={time} disabled={day === ''} onChange={(event) => setTime(event.target.value)} />
        </div>
      </div>
      <RecurrenceFields draft={repeat} onChange={setRepeat} isSubtask={task.parentId !== null} />
      {task.parentId === null && (
        <div className="task-field task-field-wide">
          <label htmlFor={ids.subtask}>Add a subtask</label>
          <input
            id={ids.subtask}
            type="text"
            value={subtask}
            maxLength={500}
            placeholder="Type a step, press Enter"
            onChange={(event) => setSubtask(event.target.value)}
            onKeyDown={(event) => void addSubtask(event)}
          />
        </div>
      )}
      <div className="task-editor-actions">
        <button type="submit" className="button button-primary button-small" disabled={problem !== undefined || isBusy}>
          {isBusy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button-small" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-quiet button-small button-danger" onClick={() => confirmDelete(task.id)}>
          Delete…
        </button>
        {problem !== undefined && <span className="task-field-problem">{problem}</span>}
      </div>
    </form>
  );
}
