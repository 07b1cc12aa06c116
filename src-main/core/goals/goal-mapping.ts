import type { Goal, GoalPlan, PlanStep } from '../../../src-shared/contract';
import type { GoalPlanRow, GoalRow } from '../db/repositories/goals';
import { toIso } from '../thoughts/thought-mapping';
import type { StepDraft } from './plan-types';

export function toGoal(row: GoalRow, counts: { done: number; total: number } | undefined): Goal {
  const done = counts?.done ?? 0;
  const total = counts?.total ?? 0;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    lifeArea: row.life_area,
    targetDate: row.target_date === null ? null : toIso(row.target_date),
    status: row.status,
    progress: { done, total, ratio: total === 0 ? 0 : done / total },
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    version: row.version,
  };
}

export function toGoalPlan(row: GoalPlanRow): GoalPlan {
  const steps = JSON.parse(row.steps) as StepDraft[];
  return {
    id: row.id,
    goalId: row.goal_id,
    status: row.status,
    provider: row.provider === 'ollama' || row.provider === 'claude' ? row.provider : 'offline',
    steps: steps.map(
      (step): PlanStep => ({
        title: step.title,
        estimateMinutes: step.estimateMinutes,
        notes: step.notes,
        dueAt: step.dueAt === null ? null : toIso(step.dueAt),
      }),
    ),
    notes: row.notes,
    createdAt: toIso(row.created_at),
  };
}
