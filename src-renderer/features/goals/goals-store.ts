import { create } from 'zustand';
import type { Goal, GoalPlan, GoalThought, PlanStep, Task } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';

export interface GoalDetail {
  goal: Goal;
  tasks: Task[];
  draftPlan: GoalPlan | null;
  thoughts: GoalThought[];
}

export interface NewGoal {
  title: string;
  lifeArea: string | null;
  /** yyyy-mm-dd from a date input, or empty. */
  targetDay: string;
}

interface GoalsState {
  goals: Goal[];
  hasLoaded: boolean;
  error: CairnError | undefined;
  selectedId: string | undefined;
  detail: GoalDetail | undefined;
  /** What is in flight: creating, planning, accepting … */
  busy: 'create' | 'decompose' | 'accept' | 'discard' | undefined;
  actionError: CairnError | undefined;
  notice: string | undefined;
  load(): Promise<void>;
  create(goal: NewGoal): Promise<boolean>;
  select(id: string | undefined): Promise<void>;
  decompose(): Promise<void>;
  acceptPlan(steps: PlanStep[]): Promise<void>;
  discardPlan(): Promise<void>;
  toggleTask(task: Task): Promise<void>;
  linkThought(thoughtId: string, status: 'linked' | 'dismissed'): Promise<void>;
  /** After `goals.changed` / `tasks.changed`. */
  refresh(): Promise<void>;
}

/** The end of the chosen day in local time: a target "by June 1" includes June 1. */
export function endOfDay(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, 23, 59, 59).toISOString();
}

export const useGoalsStore = create<GoalsState>()((set, get) => {
  async function reloadDetail(): Promise<void> {
    const id = get().selectedId;
    if (id === undefined) return;
    const detail = await api['goals.get']({ id });
    if (get().selectedId === id) set({ detail });
  }

  async function attempt(busy: GoalsState['busy'], work: () => Promise<string | undefined>): Promise<boolean> {
    set({ busy, actionError: undefined });
    try {
      const notice = await work();
      set({ notice });
      return true;
    } catch (error) {
      set({ actionError: toCairnError(error) });
      return false;
    } finally {
      set({ busy: undefined });
    }
  }

  return {
    goals: [],
    hasLoaded: false,
    error: undefined,
    selectedId: undefined,
    detail: undefined,
    busy: undefined,
    actionError: undefined,
    notice: undefined,
    async load() {
      try {
        const { items } = await api['goals.list']({ status: 'active' });
        set({ goals: items, hasLoaded: true, error: undefined });
      } catch (error) {
        set({ error: toCairnError(error), hasLoaded: true });
      }
    },
    async refresh() {
      // Only a view that was opened keeps up; events before that cost no request.
      if (!get().hasLoaded) return;
      await get().load();
      await reloadDetail().catch(() => undefined);
    },
    create: (goal) =>
      attempt('create', async () => {
        const created = await api['goals.create']({
          title: goal.title,
          lifeArea: goal.lifeArea,
          targetDate: goal.targetDay === '' ? null : endOfDay(goal.targetDay),
        });
        await get().load();
        await get().select(created.id);
        return `Added the goal “${created.title}”.`;
      }),
    async select(id) {
      set({ selectedId: id, detail: undefined, actionError: undefined, notice: undefined });
      if (id === undefined) return;
      try {
        await reloadDetail();
      } catch (error) {
        set({ actionError: toCairnError(error) });
      }
    },
    async decompose() {
      const id = get().selectedId;
      if (id === undefined) return;
      await attempt('decompose', async () => {
        const plan = await api['goals.decompose']({ id });
        await reloadDetail();
        return `A plan of ${plan.steps.length} steps is ready for your review.`;
      });
    },
    async acceptPlan(steps) {
      const plan = get().detail?.draftPlan;
      if (plan === undefined || plan === null) return;
      await attempt('accept', async () => {
        await api['goals.acceptPlan']({ planId: plan.id, steps });
        await get().refresh();
        return `Added ${steps.length} tasks to this goal.`;
      });
    },
    async discardPlan() {
      const plan = get().detail?.draftPlan;
      if (plan === undefined || plan === null) return;
      await attempt('discard', async () => {
        await api['goals.discardPlan']({ planId: plan.id });
        await reloadDetail();
        return 'Plan discarded.';
      });
    },
    async toggleTask(task) {
      const status = task.status === 'done' ? 'todo' : 'done';
      const detail = get().detail;
      // The checkbox follows the click at once; the refresh below brings the server's truth.
      if (detail !== undefined) set({ detail: { ...detail, tasks: detail.tasks.map((each) => (each.id === task.id ? { ...each, status } : each)) } });
      const done = await attempt(undefined, async () => {
        await api['tasks.update']({ id: task.id, expectedVersion: task.version, patch: { status } });
        await get().refresh();
        return undefined;
      });
      if (!done) await get().refresh();
    },
    async linkThought(thoughtId, status) {
      const id = get().selectedId;
      if (id === undefined) return;
      await attempt(undefined, async () => {
        await api['goals.linkThought']({ goalId: id, thoughtId, status });
        await reloadDetail();
        return status === 'linked' ? 'Linked to this goal.' : 'Suggestion dismissed.';
      });
    },
  };
});
