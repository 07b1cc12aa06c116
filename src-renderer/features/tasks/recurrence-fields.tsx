import { useId } from 'react';
import type { Recurrence, Weekday } from '../../../src-shared/contract';
import { weekdays } from '../../../src-shared/contract';
import { ChoiceSelect, type Choice } from './choice-select';
import { WEEKDAY_NAMES } from './task-format';

/** What the fields hold while being edited; every kind keeps its numbers so switching back is free. */
export interface RecurrenceDraft {
  kind: Recurrence['kind'] | 'none';
  days: Weekday[];
  monthDay: number;
  interval: number;
}

const KINDS: readonly Choice<RecurrenceDraft['kind']>[] = [
  { value: 'none', label: 'Does not repeat' },
  { value: 'daily', label: 'Every day' },
  { value: 'weekdays', label: 'Every weekday (Mon–Fri)' },
  { value: 'weekly', label: 'Every week on…' },
  { value: 'monthly', label: 'Every month on day…' },
  { value: 'everyNDays', label: 'Every few days…' },
];

export function toDraft(recurrence: Recurrence | null, dueDay: string): RecurrenceDraft {
  const dayOfMonth = dueDay === '' ? new Date().getDate() : Number(dueDay.slice(8, 10));
  return {
    kind: recurrence?.kind ?? 'none',
    days: recurrence?.kind === 'weekly' ? recurrence.days : ['MO'],
    monthDay: recurrence?.kind === 'monthly' ? recurrence.day : dayOfMonth,
    interval: recurrence?.kind === 'everyNDays' ? recurrence.days : 2,
  };
}

export function fromDraft(draft: RecurrenceDraft): Recurrence | null {
  switch (draft.kind) {
    case 'none':
      return null;
    case 'daily':
    case 'weekdays':
      return { kind: draft.kind };
    case 'weekly':
      return { kind: 'weekly', days: weekdays.filter((day) => draft.days.includes(day)) };
    case 'monthly':
      return { kind: 'monthly', day: draft.monthDay };
    case 'everyNDays':
      return { kind: 'everyNDays', days: draft.interval };
  }
}

/** What is wrong with the draft, in words, or undefined. */
export function draftProblem(draft: RecurrenceDraft): string | undefined {
  if (draft.kind === 'weekly' && draft.days.length === 0) return 'Pick at least one day of the week.';
  if (draft.kind === 'monthly' && !(Number.isInteger(draft.monthDay) && draft.monthDay >= 1 && draft.monthDay <= 31)) return 'The day of the month is 1 to 31.';
  if (draft.kind === 'everyNDays' && !(Number.isInteger(draft.interval) && draft.interval >= 2 && draft.interval <= 365)) return 'Repeat every 2 to 365 days.';
  return undefined;
}

/** How a task repeats: a choice of rule, then its days. Subtasks cannot repeat (their parent can). */
export function RecurrenceFields({ draft, onChange, isSubtask }: { draft: RecurrenceDraft; onChange(draft: RecurrenceDraft): void; isSubtask: boolean }) {
  const selectId = useId();
  const problemId = useId();
  const problem = draftProblem(draft);
  if (isSubtask) return <p className="task-field-note">Subtasks do not repeat; make the task they belong to repeat.</p>;
  return (
    <div className="task-repeat-fields">
      <div className="task-field">
        <label htmlFor={selectId}>Repeats</label>
        <ChoiceSelect id={selectId} value={draft.kind} choices={KINDS} onChange={(kind) => onChange({ ...draft, kind })} />
      </div>
      {draft.kind === 'weekly' && (
        <fieldset className="task-weekdays" aria-describedby={problem === undefined ? undefined : problemId}>
          <legend>On</legend>
          {weekdays.map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                checked={draft.days.includes(day)}
                onChange={(event) => onChange({ ...draft, days: event.target.checked ? [...draft.days, day] : draft.days.filter((each) => each !== day) })}
              />
              {WEEKDAY_NAMES[day]}
            </label>
          ))}
        </fieldset>
      )}
      {draft.kind === 'monthly' && (
        <label className="task-field">
          Day of the month
          <input type="number" min={1} max={31} value={draft.monthDay} onChange={(event) => onChange({ ...draft, monthDay: event.target.valueAsNumber })} />
        </label>
      )}
      {draft.kind === 'everyNDays' && (
        <label className="task-field">
          Every how many days
          <input type="number" min={2} max={365} value={draft.interval} onChange={(event) => onChange({ ...draft, interval: event.target.valueAsNumber })} />
        </label>
      )}
      {problem !== undefined && (
        <p className="task-field-problem" id={problemId}>
          {problem}
        </p>
      )}
    </div>
  );
}
