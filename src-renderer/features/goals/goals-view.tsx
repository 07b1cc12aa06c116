import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../ui/error-message';
import { GoalDetailView } from './goal-detail';
import { useGoalsStore } from './goals-store';
import './goals.css';

/** Goals: create one, open it to plan it, review the plan, and watch its progress. */
export function GoalsView() {
  const goals = useGoalsStore((state) => state.goals);
  const hasLoaded = useGoalsStore((state) => state.hasLoaded);
  const error = useGoalsStore((state) => state.error);
  const actionError = useGoalsStore((state) => state.actionError);
  const notice = useGoalsStore((state) => state.notice);
  const busy = useGoalsStore((state) => state.busy);
  const selectedId = useGoalsStore((state) => state.selectedId);
  const detail = useGoalsStore((state) => state.detail);
  const load = useGoalsStore((state) => state.load);
  const create = useGoalsStore((state) => state.create);
  const select = useGoalsStore((state) => state.select);
  const [title, setTitle] = useState('');
  const [lifeArea, setLifeArea] = useState('');
  const [targetDay, setTargetDay] = useState('');
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void load();
  }, [load]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (title.trim() === '') return;
    const done = await create({ title: title.trim(), lifeArea: lifeArea.trim() === '' ? null : lifeArea.trim(), targetDay });
    if (done) {
      setTitle('');
      setLifeArea('');
      setTargetDay('');
    }
    // "Add goal" was disabled while saving (and stays so with the field empty), which drops focus:
    // the keyboard goes back to the first field, ready for the next goal.
    if (document.activeElement === null || document.activeElement === document.body) titleRef.current?.focus();
  }

  return (
    <div className="pane-view goals-view">
      <form className="goal-form" aria-label="New goal" onSubmit={(event) => void submit(event)}>
        <label>
          <span>Goal</span>
          <input ref={titleRef} id="goal-title" type="text" value={title} maxLength={300} placeholder="Run a half marathon" onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label>
          <span>Life area</span>
          <input type="text" value={lifeArea} maxLength={60} placeholder="Health" onChange={(event) => setLifeArea(event.target.value)} />
        </label>
        <label>
          <span>Target date</span>
          <input type="date" value={targetDay} onChange={(event) => setTargetDay(event.target.value)} />
        </label>
        <button type="submit" className="button button-primary" disabled={busy === 'create' || title.trim() === ''}>
          Add goal
        </button>
      </form>
      <p className="pane-notice" aria-live="polite">
        {notice}
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
      {actionError !== undefined && <ErrorMessage error={actionError} />}
      {!hasLoaded ? (
        <p className="muted">Loading…</p>
      ) : goals.length === 0 ? (
        <p className="pane-empty">No goals yet. Add one above; Cairn can break it into a plan of tasks, and links the thoughts you write about it.</p>
      ) : (
        <ul className="card-list goal-list" aria-label="Goals">
          {goals.map((goal) => (
            <li key={goal.id}>
              <button type="button" className="goal-row" aria-current={goal.id === selectedId} onClick={() => void select(goal.id === selectedId ? undefined : goal.id)}>
                <span className="goal-row-title">{goal.title}</span>
                <span className="muted">
                  {goal.progress.total === 0 ? 'No tasks yet' : `${goal.progress.done}/${goal.progress.total} done`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {detail !== undefined && detail.goal.id === selectedId && <GoalDetailView detail={detail} />}
    </div>
  );
}
