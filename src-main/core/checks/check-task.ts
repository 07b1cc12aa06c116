import { z } from 'zod';
import { insightKinds, tagNameSchema } from '../../../src-shared/contract';
import { cleanModelText, dayFromModel } from '../ai/model-text';
import type { AiTask, BuiltPrompt } from '../ai/orchestrator';
import { buildCheckPrompt } from './check-prompt';
import type { CheckFindings, CheckInput, Finding, FoundTaskInThought } from './check-types';
import { offlineCheckInTurns } from './offline-check';

const ref = z.string().trim().regex(/^T\d{1,6}$/, 'Cite thoughts by label, like "T3".');
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}/, 'Dates are YYYY-MM-DD.')
  .nullable()
  .optional();
const text = (max: number) => z.string().trim().min(1).max(max);

/** What a model must answer for a check. Anything else is refused (one repair attempt). */
export const checkAnswerSchema = z.object({
  insights: z
    .array(
      z.object({
        kind: z.enum(insightKinds),
        title: text(200),
        body: text(2_000),
        evidence: z.array(ref).max(30),
        task: z.object({ title: text(300), due: day }).nullable().optional(),
      }),
    )
    .max(20),
  tasks: z
    .array(z.object({ thought: ref, title: text(300), due: day, confidence: z.number().min(0).max(1) }))
    .max(30)
    .default([]),
  tags: z
    .array(z.object({ thought: ref, tags: z.array(z.string().max(80)).max(5) }))
    .max(100)
    .default([]),
});

export type CheckAnswer = z.infer<typeof checkAnswerSchema>;

export const checkTask: AiTask<CheckInput, CheckAnswer, CheckFindings> = {
  purpose: 'check',
  schemaName: 'consciousness_check',
  schema: checkAnswerSchema,
  maxOutputTokens: 2_048,
  prompt: buildCheckPrompt,
  accept: acceptCheckAnswer,
  offline: offlineCheckInTurns,
};

/**
 * Turns a valid answer into findings: labels back to thought ids (only thoughts that were in the
 * prompt), insights without any real evidence dropped, dates read in the person's time zone.
 */
export function acceptCheckAnswer(answer: CheckAnswer, prompt: BuiltPrompt, input: CheckInput): CheckFindings {
  const resolve = (label: string): string | undefined => prompt.refs[Number(label.slice(1)) - 1];
  const notes: string[] = [];
  let unfounded = 0;
  const findings: Finding[] = [];
  for (const item of answer.insights) {
    const evidence = [...new Set(item.evidence.map(resolve).filter((id): id is string => id !== undefined))];
    if (evidence.length === 0) {
      unfounded += 1;
      continue;
    }
    findings.push({
      kind: item.kind,
      topic: null,
      title: cleanModelText(item.title),
      body: cleanModelText(item.body),
      evidence,
      proposedTask: item.task === null || item.task === undefined ? null : { title: cleanModelText(item.task.title), dueAt: dayFromModel(item.task.due, input.now, input.timeZone) },
      dedupeKey: `model:${cleanModelText(item.title).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`,
    });
  }
  if (unfounded > 0) notes.push(`${unfounded} insight${unfounded === 1 ? '' : 's'} citing no thought from the check ${unfounded === 1 ? 'was' : 'were'} dropped.`);

  const tasks: FoundTaskInThought[] = [];
  let unplaced = 0;
  for (const item of answer.tasks) {
    const thoughtId = resolve(item.thought);
    if (thoughtId === undefined) {
      unplaced += 1;
      continue;
    }
    const dueAt = dayFromModel(item.due, input.now, input.timeZone);
    tasks.push({ thoughtId, title: cleanModelText(item.title), dueAt, hasTime: false, confidence: item.confidence });
  }
  const tags: CheckFindings['tags'] = [];
  for (const item of answer.tags) {
    const thoughtId = resolve(item.thought);
    const names = [...new Set(item.tags.map(tagNameOf).filter((name): name is string => name !== undefined))];
    if (thoughtId !== undefined && names.length > 0) tags.push({ thoughtId, names });
  }
  if (unplaced > 0) notes.push(`${unplaced} task${unplaced === 1 ? '' : 's'} naming an unknown thought ${unplaced === 1 ? 'was' : 'were'} dropped.`);
  return { findings, tasks, tags, notes };
}

/** "#Sleep Hygiene" → "sleep-hygiene"; undefined when no valid tag name is left. */
function tagNameOf(raw: string): string | undefined {
  const candidate = cleanModelText(raw).replace(/^#+/, '').trim().replace(/\s+/g, '-');
  const parsed = tagNameSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
