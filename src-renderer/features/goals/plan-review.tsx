import { useId, useState } from 'react';
import type { GoalPlan, PlanStep } from '../../../src-shared/contract';
import { formatDue } from '../../ui/format-time';
import { useGoalsStore } from './goals-store';

const NAMES = { ollama: 'Ollama', claude: 'Claude', offline: 'the offline planner' } as const;

/** A proposed plan, editable step by step before it becomes tasks. */
export function PlanReview({
  plan,
  onSettled,
}: {
  plan: GoalPlan;
  /** Called once accepting or discarding has finished, either way. */
  onSettled(): void;
}) {
  const [steps, setSteps] = useState<PlanStep[]>(plan.steps);
  const busy = useGoalsStore((state) => state.busy);
  const acceptPlan = useGoalsStore((state) => state.acceptPlan);
  const discardPlan = useGoalsStore((state) => state.discardPlan);
  const headingId = useId();
  const kept = steps.filter((step) => step.title.trim() !== '');

  function change(index: number, patch: Partial<PlanStep>): void {
    setSteps((current) => current.map((step, i) => (i === index ? { ...step, ...patch } : step)));
  }

  /** Focus stays in the list: on the step that took this one's place, the one before, or the heading. */
  function removeStep(index: number, button: HTMLElement): void {
    const list = button.closest('ol');
    setSteps((current) => current.filter((_, i) => i !== index));
    requestAnimationFrame(() => {
      const buttons = list?.querySelectorAll<HTMLElement>('.plan-step-remove') ?? [];
      (buttons[Math.min(index, buttons.length - 1)] ?? document.getElementById(headingId))?.focus();
    });
  }

  return (
    <section className="plan-review" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>Proposed plan from {NAMES[plan.provider]}</h3>
      <p className="pane-intro">Edit or remove steps, then accept: each step becomes a task of this goal.</p>
      <ol className="plan-steps">
        {steps.map((step, index) => (
          <li key={index} className="plan-step">
            <label>
              <span className="visually-hidden">Step {index + 1}</span>
              <input type="text" value={step.title} maxLength={500} onChange={(event) => change(index, { title: event.target.value })} />
            </label>
            <label className="plan-estimate">
              <input
                type="number"
                min={1}
                max={43_200}
                value={step.estimateMinutes ?? ''}
                onChange={(event) => change(index, { estimateMinutes: event.target.value === '' ? null : Math.max(1, Math.round(Number(event.target.value))) })}
              />
              <span>min</span>
            </label>
            {step.dueAt !== null && <span className="plan-due">by {formatDue(step.dueAt, false)}</span>}
            <button type="button" className="button button-quiet button-small plan-step-remove" onClick={(event) => removeStep(index, event.currentTarget)}>
              Remove<span className="visually-hidden"> step {index + 1}</span>
            </button>
            {step.notes !== '' && <p className="plan-notes">{step.notes}</p>}
          </li>
        ))}
      </ol>
      {plan.notes !== '' && <p className="plan-origin">{plan.notes}</p>}
      <div className="card-actions">
        <button type="button" className="button button-primary" disabled={busy !== undefined || kept.length === 0} onClick={() => void acceptPlan(kept).then(onSettled)}>
          {busy === 'accept' ? 'Adding tasks…' : `Accept ${kept.length} step${kept.length === 1 ? '' : 's'}`}
        </button>
        <button type="button" className="button button-quiet" disabled={busy !== undefined} onClick={() => void discardPlan().then(onSettled)}>
          Discard
        </button>
      </div>
    </section>
  );
}
