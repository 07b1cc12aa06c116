import { useState, type FormEvent } from 'react';
import type { DueInput } from '../../../src-shared/contract';
import { QUICK_ADD_ID } from './task-ids';
import { ChoiceSelect, PRIORITY_CHOICES, type Choice } from './choice-select';
import { addDays } from './task-format';
import { useTasksStore, type TaskSegment } from './tasks-store';

type DueChoice = 'none' | 'today' | 'tomorrow' | 'week';

const DUE_CHOICES: readonly (Choice<DueChoice> & { days: number | null })[] = [
  { value: 'today', label: 'Today', days: 0 },
  { value: 'tomorrow', label: 'Tomorrow', days: 1 },
  { value: 'week', label: 'In a week', days: 7 },
  { value: 'none', label: 'No date', days: null },
];

/** What a new task is due by default: what the list it is added to shows. */
const DEFAULT_DUE: Record<TaskSegment, DueChoice> = { today: 'today', upcoming: 'tomorrow', goal: 'none', all: 'none' };

/** Type a title, press Enter. Due and priority sit beside it; everything else is in the editor. */
export function QuickAdd({ segment, goalTitle }: { segment: TaskSegment; goalTitle: string | undefined }) {
  const create = useTasksStore((state) => state.create);
  const today = useTasksStore((state) => state.today);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState<DueChoice>(DEFAULT_DUE[segment]);
  const [priority, setPriority] = useState(0);
  const [isBusy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (title.trim() === '' || isBusy) return;
    const days = DUE_CHOICES.find((choice) => choice.value === due)?.days ?? null;
    const dueAt: DueInput | null = days === null ? null : addDays(today, days);
    setBusy(true);
    const isAdded = await create({ title: title.trim(), priority, dueAt });
    setBusy(false);
    if (isAdded) {
      setTitle('');
      setPriority(0);
    }
  }

  return (
    <form className="task-add" aria-label="Add a task" onSubmit={(event) => void submit(event)}>
      <div className="task-field task-add-title">
        <label htmlFor={QUICK_ADD_ID}>{goalTitle === undefined ? 'New task' : `New task for “${goalTitle}”`}</label>
        <input
          id={QUICK_ADD_ID}
          type="text"
          value={title}
          maxLength={500}
          placeholder="What needs doing? Press Enter to add"
          autoComplete="off"
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="task-field">
        <label htmlFor="task-add-due">Due</label>
        <ChoiceSelect id="task-add-due" value={due} choices={DUE_CHOICES} onChange={setDue} />
      </div>
      <div className="task-field">
        <label htmlFor="task-add-priority">Priority</label>
        <ChoiceSelect id="task-add-priority" value={priority} choices={PRIORITY_CHOICES} onChange={setPriority} />
      </div>
      <button type="submit" className="button button-primary" disabled={isBusy || title.trim() === ''}>
        Add
      </button>
    </form>
  );
}
