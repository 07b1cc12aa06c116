import { useRef } from 'react';
import type { GoalDetail } from './goals-store';
import { focusAfterRemoval } from '../../ui/focus-after-removal';
import { useGoalsStore } from './goals-store';
import { formatDue } from '../../ui/format-time';
import { thoughtHref } from '../timeline/thought-card';
import { PlanReview } from './plan-review';

/** One goal: progress, its tasks in plan order, the plan under review, and related thoughts. */
export function GoalDetailView({ detail }: { detail: GoalDetail }) {
  const busy = useGoalsStore((state) => state.busy);
  const decompose = useGoalsStore((state) => state.decompose);
  const toggleTask = useGoalsStore((state) => state.toggleTask);
  const linkThought = useGoalsStore((state) => state.linkThought);
  const { goal, tasks, draftPlan, thoughts } = detail;
  const percent = Math.round(goal.progress.ratio * 100);
  const sectionRef = useRef<HTMLElement>(null);
  const planButtonRef = useRef<HTMLButtonElement>(null);

  /**
   * Planning disables the pressed button and then swaps it for the plan (accepting or discarding
   * swaps back), which drops focus: move the keyboard to what took its place.
   */
  function focusPlanOrButton(): void {
    requestAnimationFrame(() => {
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      (planButtonRef.current ?? sectionRef.current?.querySelector<HTMLElement>('.plan-review h3'))?.focus();
    });
  }

  return (
    <section ref={sectionRef} className="goal-detail" aria-label={`Goal: ${goal.title}`}>
      <h2>{goal.title}</h2>
      <p className="pane-intro">
        {goal.lifeArea !== null && `${goal.lifeArea} · `}
        {goal.targetDate === null ? 'No target date' : `By ${formatDue(goal.targetDate, false)}`}
      </p>
      <div className="goal-progress">
        <progress max={Math.max(1, goal.progress.total)} value={goal.progress.done} aria-label="Progress" />
        <span>
          {goal.progress.done} of {goal.progress.total} tasks done ({percent}%)
        </span>
      </div>
      {tasks.length > 0 && (
        <ul className="goal-tasks" aria-label="Tasks of this goal">
          {tasks.map((task) => (
            <li key={task.id}>
              <label>
                <input type="checkbox" checked={task.status === 'done'} onChange={() => void toggleTask(task)} />
                <span className={task.status === 'done' ? 'task-done' : undefined}>{task.title}</span>
              </label>
              {task.estimateMinutes !== null && <span className="muted"> · {task.estimateMinutes} min</span>}
              {task.dueAt !== null && <span className="muted"> · by {formatDue(task.dueAt, false)}</span>}
            </li>
          ))}
        </ul>
      )}
      {draftPlan === null ? (
        <button ref={planButtonRef} type="button" className="button" disabled={busy !== undefined} onClick={() => void decompose().then(focusPlanOrButton)}>
          {busy === 'decompose' ? 'Planning…' : tasks.length === 0 ? 'Plan this goal' : 'Plan more steps'}
        </button>
      ) : (
        <PlanReview key={draftPlan.id} plan={draftPlan} onSettled={focusPlanOrButton} />
      )}
      {thoughts.length > 0 && (
        <section className="goal-thoughts" aria-label="Related thoughts">
          <h3>Related thoughts</h3>
          <ul className="card-list">
            {thoughts.map((link) => (
              <li key={link.thoughtId} className="goal-thought">
                <a href={thoughtHref(link.thoughtId)}>{link.excerpt}</a>
                {link.status === 'linked' ? (
                  <span className="muted">Linked</span>
                ) : (
                  <span className="card-actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={(event) => {
                        // The buttons give way to "Linked": the thought's own link keeps the focus.
                        const item = event.currentTarget.closest('li');
                        void linkThought(link.thoughtId, 'linked').then(() => requestAnimationFrame(() => item?.querySelector('a')?.focus()));
                      }}
                    >
                      Link
                    </button>
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      onClick={(event) => {
                        const refocus = focusAfterRemoval(event.currentTarget.closest('li'), () => planButtonRef.current ?? document.querySelector<HTMLElement>('.plan-review h3'));
                        void linkThought(link.thoughtId, 'dismissed').then(refocus);
                      }}
                    >
                      Not related
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
