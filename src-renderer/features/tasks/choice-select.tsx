import { PRIORITY_NAMES } from './task-format';

export interface Choice<Value extends string | number> {
  value: Value;
  label: string;
}

export const PRIORITY_CHOICES: readonly Choice<number>[] = PRIORITY_NAMES.map((name, priority) => ({ value: priority, label: priority === 0 ? 'None' : name }));

/** A native select over typed choices (due, priority, how a task repeats); its label is the caller's. */
export function ChoiceSelect<Value extends string | number>({
  id,
  value,
  choices,
  onChange,
}: {
  id: string;
  value: Value;
  choices: readonly Choice<Value>[];
  onChange(value: NoInfer<Value>): void;
}) {
  return (
    <select
      id={id}
      value={value}
      onChange={(event) => {
        const chosen = choices.find((choice) => String(choice.value) === event.target.value);
        if (chosen !== undefined) onChange(chosen.value);
      }}
    >
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
