import type { Goal, GoalPlan, GoalThought, ParsedInput, Task } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { failureLines, type Orchestrator } from '../ai/orchestrator';
import type { Clock, IdGenerator } from '../clock';
import type { Database } from '../db/open-database';
import { appendEvent } from '../db/repositories/events';
import {
  draftPlanOf,
  ensureLifeArea,
  findGoal,
  findGoalPlan,
  findGoalThought,
  goalThoughts,
  insertGoal,
  insertGoalPlan,
  lifeAreaIdOf,
  listGoals,
  resolveGoalPlan,
  setGoalThought,
  suggestGoalThought,
  updateGoal,
  type GoalRow,
  type GoalValues,
} from '../db/repositories/goals';
import { goalTaskCounts, listGoalTasks } from '../db/repositories/tasks';
import type { EventBus } from '../events/event-bus';
import type { MeaningSearch } from '../search/search-service';
import { toTask } from '../tasks/task-mapping';
import type { TaskService } from '../tasks/task-service';
import { toGoal, toGoalPlan } from './goal-mapping';
import { planTask } from './plan-task';
import type { PlanInput } from './plan-types';
import { relatedToGoal, type RelatedThought } from './related-thoughts';

/** Related thoughts read for a goal (suggested links, planning context). */
const RELATED_LIMIT = 12;

export interface GoalServiceDeps {
  db: Database;
  clock: Clock;
  newId: IdGenerator;
  bus: EventBus;
  tasks: TaskService;
  /** Meaning search, when a model is ready. */
  meaning: () => MeaningSearch | undefined;
  orchestrator: Orchestrator;
  timeZone: () => string;
}

/** Goals with target dates and life areas; plans from a backend or the offline planner; progress from tasks. */
export function createGoalService(deps: GoalServiceDeps) {
  const { db, clock, newId, bus, tasks } = deps;
  const { sqlite } = db;

  function requireGoal(id: string): GoalRow {
    const row = findGoal(sqlite, id);
    if (row === undefined) throw new AppError('not_found', 'No goal with that id.', { id });
    return row;
  }

  function present(row: GoalRow): Goal {
    return toGoal(row, goalTaskCounts(sqlite, [row.id]).get(row.id));
  }

  function record(goalId: string, type: string, data: Record<string, unknown>, now: number): void {
    appendEvent(sqlite, { entityType: 'goal', entityId: goalId, type, actor: 'user', at: now, data });
  }

  const createTransaction = sqlite.transaction((input: ParsedInput<'goals.create'>): string => {
    const now = clock.now();
    const id = newId();
    const values: GoalValues = {
      title: input.title.trim(),
      description: input.description,
      lifeAreaId: input.lifeArea === null ? null : ensureLifeArea(sqlite, input.lifeArea.trim(), newId, now),
      targetDate: input.targetDate === null ? null : Date.parse(input.targetDate),
      status: 'active',
    };
    insertGoal(sqlite, id, values, now);
    record(id, 'goal.created', { snapshot: values }, now);
    return id;
  });

  const updateTransaction = sqlite.transaction((input: ParsedInput<'goals.update'>): void => {
    const row = requireGoal(input.id);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
      throw new AppError('conflict', 'This goal was changed elsewhere. Reload it and try again.', { version: row.version });
    }
    const now = clock.now();
    const { patch } = input;
    const values: GoalValues = {
      title: patch.title?.trim() ?? row.title,
      description: patch.description ?? row.description,
      lifeAreaId:
        patch.lifeArea === undefined ? lifeAreaIdOf(sqlite, row.id) : patch.lifeArea === null ? null : ensureLifeArea(sqlite, patch.lifeArea.trim(), newId, now),
      targetDate: patch.targetDate === undefined ? row.target_date : patch.targetDate === null ? null : Date.parse(patch.targetDate),
      status: patch.status ?? row.status,
    };
    updateGoal(sqlite, row.id, row.version, values, now);
    record(row.id, 'goal.edited', { changed: Object.keys(patch), snapshot: values }, now);
  });

  const acceptTransaction = sqlite.transaction((input: ParsedInput<'goals.acceptPlan'>): { goalId: string; taskIds: string[] } => {
    const plan = findGoalPlan(sqlite, input.planId);
    if (plan === undefined) throw new AppError('not_found', 'No plan with that id.', { id: input.planId });
    if (plan.status !== 'draft') throw new AppError('invalid_state', `This plan was already ${plan.status}.`, { status: plan.status });
    const now = clock.now();
    const existing = listGoalTasks(sqlite, plan.goal_id, 1_000);
    const start = existing.reduce((max, task) => Math.max(max, task.position), 0) + 1;
    const taskIds = input.steps.map((step, index) =>
      tasks.insert(
        {
          title: step.title.trim(),
          dueAt: step.dueAt === null ? null : Date.parse(step.dueAt),
          sourceThoughtId: null,
          goalId: plan.goal_id,
          estimateMinutes: step.estimateMinutes,
          notes: step.notes,
          position: start + index,
        },
        'user',
        { fromPlan: plan.id },
        now,
      ).id,
    );
    resolveGoalPlan(sqlite, plan.id, 'accepted', now);
    record(plan.goal_id, 'goal.plan_accepted', { planId: plan.id, tasks: taskIds }, now);
    return { goalId: plan.goal_id, taskIds };
  });

  function related(row: GoalRow): Promise<RelatedThought[]> {
    return relatedToGoal(db, deps.meaning(), `${row.title} ${row.description}`, RELATED_LIMIT);
  }

  async function refreshSuggestions(row: GoalRow): Promise<number> {
    if (row.status !== 'active') return 0;
    const now = clock.now();
    let added = 0;
    for (const thought of await related(row)) if (suggestGoalThought(sqlite, row.id, thought.id, thought.score, now)) added += 1;
    return added;
  }

  return {
    create(input: ParsedInput<'goals.create'>): Goal {
      const id = createTransaction.immediate(input);
      bus.emit('goals.changed', { ids: [id] });
      return present(requireGoal(id));
    },
    update(input: ParsedInput<'goals.update'>): Goal {
      updateTransaction.immediate(input);
      bus.emit('goals.changed', { ids: [input.id] });
      return present(requireGoal(input.id));
    },
    list(status: ParsedInput<'goals.list'>['status']): { items: Goal[] } {
      const rows = listGoals(sqlite, status);
      const counts = goalTaskCounts(sqlite, rows.map((row) => row.id));
      return { items: rows.map((row) => toGoal(row, counts.get(row.id))) };
    },
    async get(id: string): Promise<{ goal: Goal; tasks: Task[]; draftPlan: GoalPlan | null; thoughts: GoalThought[] }> {
      const row = requireGoal(id);
      await refreshSuggestions(row);
      const draft = draftPlanOf(sqlite, id);
      return {
        goal: present(row),
        tasks: listGoalTasks(sqlite, id, 500).map(toTask),
        draftPlan: draft === undefined ? null : toGoalPlan(draft),
        thoughts: goalThoughts(sqlite, id).map((link) => ({
          thoughtId: link.thought_id,
          excerpt: link.excerpt,
          status: link.status,
          similarity: link.similarity,
        })),
      };
    },
    /** Suggested links for every active goal (after a check, so new thoughts find their goals). */
    async refreshAll(): Promise<void> {
      for (const row of listGoals(sqlite, 'active')) await refreshSuggestions(row);
    },
    async decompose(id: string, signal: AbortSignal): Promise<GoalPlan> {
      const row = requireGoal(id);
      const input: PlanInput = {
        goal: { id: row.id, title: row.title, description: row.description, targetDate: row.target_date, lifeArea: row.life_area },
        now: clock.now(),
        timeZone: deps.timeZone(),
        related: await related(row),
      };
      const planId = newId();
      const outcome = await deps.orchestrator.run(planTask, input, { runId: planId, signal });
      const notes = [...outcome.output.notes, ...failureLines(outcome.failures)];
      sqlite
        .transaction(() =>
          insertGoalPlan(
            sqlite,
            {
              id: planId,
              goal_id: row.id,
              provider: outcome.provider,
              steps: JSON.stringify(outcome.output.steps),
              notes: notes.join('\n'),
            },
            clock.now(),
          ),
        )
        .immediate();
      bus.emit('goals.changed', { ids: [row.id] });
      const plan = findGoalPlan(sqlite, planId);
      if (plan === undefined) throw new Error(`plan ${planId} vanished after insert`);
      return toGoalPlan(plan);
    },
    acceptPlan(input: ParsedInput<'goals.acceptPlan'>): { goal: Goal; tasks: Task[] } {
      const { goalId } = acceptTransaction.immediate(input);
      const goalTasks = listGoalTasks(sqlite, goalId, 500).map(toTask);
      bus.emit('goals.changed', { ids: [goalId] });
      bus.emit('tasks.changed', { ids: goalTasks.map((task) => task.id), goalIds: [goalId] });
      return { goal: present(requireGoal(goalId)), tasks: goalTasks };
    },
    discardPlan(planId: string): GoalPlan {
      const plan = findGoalPlan(sqlite, planId);
      if (plan === undefined) throw new AppError('not_found', 'No plan with that id.', { id: planId });
      if (plan.status !== 'draft') throw new AppError('invalid_state', `This plan was already ${plan.status}.`, { status: plan.status });
      resolveGoalPlan(sqlite, planId, 'discarded', clock.now());
      bus.emit('goals.changed', { ids: [plan.goal_id] });
      return toGoalPlan({ ...plan, status: 'discarded' });
    },
    linkThought(input: ParsedInput<'goals.linkThought'>): GoalThought {
      requireGoal(input.goalId);
      const thought = sqlite.prepare('SELECT 1 FROM thoughts WHERE id = ? AND deleted_at IS NULL').get(input.thoughtId);
      if (thought === undefined) throw new AppError('not_found', 'No thought with that id.', { id: input.thoughtId });
      setGoalThought(sqlite, input.goalId, input.thoughtId, input.status, clock.now());
      bus.emit('goals.changed', { ids: [input.goalId] });
      const link = findGoalThought(sqlite, input.goalId, input.thoughtId);
      if (link === undefined) throw new Error('goal link vanished after upsert');
      return { thoughtId: link.thought_id, excerpt: link.excerpt, status: link.status, similarity: link.similarity };
    },
  };
}

export type GoalService = ReturnType<typeof createGoalService>;
