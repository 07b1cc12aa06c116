import { z } from 'zod';
import { cleanModelText, dayFromModel } from '../ai/model-text';
import type { AiTask, BuiltPrompt, PromptTarget } from '../ai/orchestrator';
import { PROVIDER_NAMES } from '../ai/classify-provider-error';
import { estimateTokens } from '../checks/check-prompt';
import { excerpt } from '../understanding/words';
import { localDay } from '../checks/rhythm';
import { planOffline, spreadDueDates } from './offline-planner';
import type { PlanInput, PlanResult, StepDraft } from './plan-types';

const text = (max: number) => z.string().trim().min(1).max(max);

export const planAnswerSchema = z.object({
  steps: z
    .array(
      z.object({
        title: text(300),
        estimateMinutes: z.number().int().min(1).max(60 * 24 * 30),
        notes: z.string().max(2_000).default(''),
        due: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}/).nullable().optional(),
      }),
    )
    .min(1)
    .max(15),
});

export type PlanAnswer = z.infer<typeof planAnswerSchema>;

const SYSTEM = [
  "You are Cairn's planning assistant. Break the person's goal into an ordered plan of concrete tasks.",
  'Each task starts with a verb, can be done in one sitting or a few, and has an estimate in minutes.',
  'Use what their own thoughts say about the goal. 4 to 10 tasks. Due dates only when a target date is given,',
  'spread sensibly up to it. Answer with JSON only.',
].join('\n');

const SHAPE = '{"steps":[{"title":"…","estimateMinutes":30,"notes":"…","due":"YYYY-MM-DD or null"}]}';
const MAX_RELATED_CHARS = 600;

export function buildPlanPrompt(input: PlanInput, target: PromptTarget): BuiltPrompt {
  const notes: string[] = [];
  const related = target.remote ? input.related.filter((thought) => !thought.isPrivate) : input.related;
  const withheld = input.related.length - related.length;
  if (withheld > 0) notes.push(`${withheld} private thought${withheld === 1 ? ' was' : 's were'} not sent to ${PROVIDER_NAMES[target.provider]}.`);
  const lines = [
    `Today is ${localDay(input.now, input.timeZone)}.`,
    `Goal: ${excerpt(input.goal.title, 300)}`,
    input.goal.description.trim() === '' ? '' : `Details: ${excerpt(input.goal.description, 2_000)}`,
    input.goal.targetDate === null ? 'No target date.' : `Target date: ${localDay(input.goal.targetDate, input.timeZone)}.`,
    input.goal.lifeArea === null ? '' : `Life area: ${input.goal.lifeArea}.`,
  ].filter((line) => line !== '');
  let budget = target.budgetTokens - estimateTokens(SYSTEM) - estimateTokens(lines.join('\n')) - estimateTokens(SHAPE) - 32;
  const refs: string[] = [];
  const thoughtLines: string[] = [];
  for (const thought of related) {
    const line = `T${refs.length + 1} ${excerpt(thought.text, MAX_RELATED_CHARS)}`;
    const cost = estimateTokens(line) + 1;
    if (cost > budget) break;
    budget -= cost;
    refs.push(thought.id);
    thoughtLines.push(line);
  }
  if (thoughtLines.length < related.length) notes.push(`${related.length - thoughtLines.length} related thoughts did not fit the model's context.`);
  const prompt = [
    ...lines,
    thoughtLines.length === 0 ? 'They have written nothing about it yet.' : `What they have written about it:\n${thoughtLines.join('\n')}`,
    `\nAnswer with one JSON object shaped like:\n${SHAPE}`,
  ].join('\n');
  return { system: SYSTEM, prompt, thoughtIds: refs, notes, refs };
}

export const planTask: AiTask<PlanInput, PlanAnswer, PlanResult> = {
  purpose: 'goal_plan',
  schemaName: 'goal_plan',
  schema: planAnswerSchema,
  maxOutputTokens: 1_500,
  // The person is waiting: two attempts per backend, then the next one (offline answers at once).
  maxAttempts: 2,
  prompt: buildPlanPrompt,
  accept(answer, prompt, input) {
    const steps: StepDraft[] = answer.steps.map((step) => ({
      title: cleanModelText(step.title).slice(0, 500),
      estimateMinutes: step.estimateMinutes,
      notes: cleanModelText(step.notes),
      dueAt: dayFromModel(step.due, input.now, input.timeZone),
    }));
    spreadDueDates(steps, input.now, input.goal.targetDate);
    return { steps, notes: prompt.notes };
  },
  offline: async (input) => planOffline(input),
};
