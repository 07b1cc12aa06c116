import { z } from 'zod';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Reads a model's answer as JSON and checks it against the task's schema. Models wrap JSON in
 * code fences or add a sentence around it; only the outermost {...} is read.
 */
export function parseStructured<T>(text: string, schema: z.ZodType<T>): Parsed<T> {
  const json = outermostObject(text);
  if (json === undefined) return { ok: false, problem: 'The answer contained no JSON object.' };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, problem: `The answer was not valid JSON (${(error as Error).message}).` };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, problem: `The JSON did not match the schema: ${issues}.` };
}

function outermostObject(text: string): string | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start === -1 || end <= start ? undefined : text.slice(start, end + 1);
}

/** The JSON Schema a backend is given for a zod schema. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const converted = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  delete converted['$schema'];
  return converted;
}

/** The follow-up that gives a model one chance to fix its answer. */
export function repairPrompt(originalPrompt: string, answer: string, problem: string): string {
  const clipped = answer.length > 4_000 ? `${answer.slice(0, 4_000)}…` : answer;
  return `${originalPrompt}\n\n---\nYour previous answer could not be used. ${problem}\nPrevious answer:\n${clipped}\n\nAnswer again with one JSON object that follows the schema exactly, and nothing else.`;
}
