import type { Handlers } from '../../src-shared/contract';
import type { AiService } from './ai/ai-service';
import type { CheckService } from './checks/check-service';
import type { GoalService } from './goals/goal-service';
import type { InsightService } from './insights/insight-service';
import type { TaskService } from './tasks/task-service';

type AiOperation = Extract<keyof Handlers, `${'ai' | 'checks' | 'insights' | 'goals' | 'tasks'}.${string}`>;

export interface AiHandlerServices {
  ai: AiService;
  checks: CheckService;
  insights: InsightService;
  goals: GoalService;
  tasks: TaskService;
  /** Aborted when Cairn shuts down: long AI calls (goal plans) stop with it. */
  lifetime: AbortSignal;
}

/** Tasks, AI backends, consciousness checks, insights and goals. */
export function createAiHandlers(services: AiHandlerServices): Pick<Handlers, AiOperation> {
  const { ai, checks, insights, goals, tasks, lifetime } = services;
  return {
    'tasks.create': async (input) => tasks.create(input),
    'tasks.list': async (input) => tasks.list(input),
    'tasks.update': async (input) => tasks.update(input),
    'tasks.reorder': async (input) => tasks.reorder(input),
    'tasks.delete': async (input) => tasks.delete(input),
    'ai.status': async () => ai.status(),
    'ai.setKey': async ({ key }) => ai.setKey(key),
    'ai.clearKey': async () => ai.clearKey(),
    'ai.preview': async () => ai.preview(),
    'checks.runNow': async () => checks.start('manual'),
    'checks.get': async ({ id }) => checks.get(id),
    'checks.list': async ({ limit, cursor }) => checks.list(limit, cursor),
    'checks.cancel': async ({ id }) => checks.cancel(id),
    'insights.list': async (input) => insights.list(input),
    'insights.pin': async ({ id, pinned }) => insights.pin(id, pinned),
    'insights.dismiss': async ({ id }) => insights.dismiss(id),
    'insights.toTask': async (input) => insights.toTask(input),
    'goals.create': async (input) => goals.create(input),
    'goals.update': async (input) => goals.update(input),
    'goals.list': async ({ status }) => goals.list(status),
    'goals.get': async ({ id }) => goals.get(id),
    'goals.decompose': async ({ id }) => goals.decompose(id, lifetime),
    'goals.acceptPlan': async (input) => goals.acceptPlan(input),
    'goals.discardPlan': async ({ planId }) => goals.discardPlan(planId),
    'goals.linkThought': async (input) => goals.linkThought(input),
  };
}
