import type { BuiltPrompt, PromptTarget } from '../ai/orchestrator';
import { PROVIDER_NAMES } from '../ai/classify-provider-error';
import { excerpt } from '../understanding/words';
import type { CheckInput, CheckThought } from './check-types';
import { localDay } from './rhythm';

/** Rough tokens for English text (models' tokenizers give 3.5–4.5 characters per token). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.5);
}

/** A thought longer than this is shortened in the prompt (and the run says so). */
const MAX_THOUGHT_CHARS = 1_200;
/** When thoughts must be sampled, this share of the budget goes to the newest ones. */
const NEWEST_SHARE = 0.5;

export const CHECK_SYSTEM = [
  "You are Cairn's reflective assistant. You read a person's recent private notes (\"thoughts\") and point out what would help them:",
  '- patterns: things that recur or connect across thoughts;',
  '- insights: something they may not have noticed (a tension, a progress, an open loop);',
  '- suggestions: one concrete next step, optionally as a task.',
  'Ground every item in the thoughts and cite them by label (T1, T2 …) in "evidence". Never invent facts.',
  'Also list tasks hidden in individual thoughts ("tasks"), each with the one thought it comes from,',
  'and up to 3 tags for thoughts that lack them ("tags"), preferring tags the person already uses.',
  'Be specific, brief and kind. Write to the person as "you". At most 6 items. Answer with JSON only.',
].join('\n');

const ANSWER_SHAPE =
  '{"insights":[{"kind":"pattern|insight|suggestion","title":"…","body":"…","evidence":["T1"],"task":{"title":"…","due":"YYYY-MM-DD or null"} or null}],"tasks":[{"thought":"T3","title":"…","due":"YYYY-MM-DD or null","confidence":0.0}],"tags":[{"thought":"T2","tags":["health"]}]}';

/**
 * The check's prompt for one backend: context (date, goals, open tasks), then the new thoughts
 * within the token budget — all of them when they fit, else the newest plus an even sample of
 * the rest. Private thoughts never go into a prompt for a remote backend.
 */
export function buildCheckPrompt(input: CheckInput, target: PromptTarget): BuiltPrompt {
  const notes: string[] = [];
  const eligible = target.remote ? input.thoughts.filter((thought) => !thought.isPrivate) : input.thoughts;
  const privateCount = input.thoughts.length - eligible.length;
  if (privateCount > 0) notes.push(`${privateCount} private thought${privateCount === 1 ? ' was' : 's were'} not sent to ${PROVIDER_NAMES[target.provider]}.`);

  const header = headerOf(input);
  const footer = `\nAnswer with one JSON object shaped like:\n${ANSWER_SHAPE}`;
  const fixed = estimateTokens(CHECK_SYSTEM) + estimateTokens(header) + estimateTokens(footer) + estimateTokens(listHeading(eligible.length)) + 16;
  const available = Math.max(0, target.budgetTokens - fixed);

  let shortened = 0;
  // Each line also gets its label ("T123 ") and a newline: counted at the longest label.
  const labelChars = `T${eligible.length} `.length + 1;
  const when = minuteFormat(input.timeZone);
  const lines = eligible.map((thought) => {
    const line = thoughtLine(thought, when);
    if (line.shortened) shortened += 1;
    return { thought, text: line.text, tokens: estimateTokens(line.text) + Math.ceil(labelChars / 3.5) };
  });
  const chosen = fitToBudget(lines, available);
  if (shortened > 0) notes.push(`${shortened} long thought${shortened === 1 ? ' was' : 's were'} shortened to ${MAX_THOUGHT_CHARS} characters.`);
  if (chosen.length < lines.length) {
    notes.push(
      `Sampled ${chosen.length.toLocaleString('en-US')} of ${lines.length.toLocaleString('en-US')} new thoughts to fit ${PROVIDER_NAMES[target.provider]}'s context (${target.budgetTokens.toLocaleString('en-US')} tokens for the prompt): the newest, and an even spread of the rest.`,
    );
  }
  const refs = chosen.map((line) => line.thought.id);
  const body = chosen.map((line, index) => `T${index + 1} ${line.text}`).join('\n');
  const prompt = `${header}\n${listHeading(chosen.length)}\n${body === '' ? '(none)' : body}\n${footer}`;
  return { system: CHECK_SYSTEM, prompt, thoughtIds: refs, notes, refs };
}

function listHeading(count: number): string {
  return `New thoughts since the last check (${count}, oldest first):`;
}

function headerOf(input: CheckInput): string {
  const today = localDay(input.now, input.timeZone);
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: input.timeZone }).format(input.now);
  const lines = [`Today is ${weekday}, ${today} (time zone ${input.timeZone}).`];
  if (input.goals.length > 0) {
    lines.push('Their goals:');
    for (const goal of input.goals.slice(0, 20)) {
      const by = goal.targetDate === null ? '' : ` (by ${localDay(goal.targetDate, input.timeZone)})`;
      const area = goal.lifeArea === null ? '' : ` [${goal.lifeArea}]`;
      lines.push(`- ${excerpt(goal.title, 200)}${by}${area}`);
    }
  }
  const overdue = input.openTasks.filter((task) => task.dueAt !== null && task.dueAt < input.now).length;
  if (input.openTasks.length > 0) {
    lines.push(`Open tasks: ${input.openTasks.length}${overdue > 0 ? ` (${overdue} overdue)` : ''}, e.g.:`);
    for (const task of input.openTasks.slice(0, 10)) lines.push(`- ${excerpt(task.title, 120)}`);
  }
  if (input.topTags.length > 0) lines.push(`Tags they use most: ${input.topTags.slice(0, 15).map((tag) => `#${tag}`).join(' ')}`);
  return lines.join('\n');
}

function minuteFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

function thoughtLine(thought: CheckThought, format: Intl.DateTimeFormat): { text: string; shortened: boolean } {
  const when = format.format(thought.createdAt).replace(',', '');
  const tags = thought.tags.length === 0 ? '' : ` ${thought.tags.map((tag) => `#${tag}`).join(' ')}`;
  const text = excerpt(thought.text, MAX_THOUGHT_CHARS);
  return { text: `[${when}, ${thought.type}${tags}] ${text}`, shortened: thought.text.length > MAX_THOUGHT_CHARS };
}


/** All lines when they fit; else the newest (half the budget) plus an even spread of the older. */
function fitToBudget<T extends { tokens: number }>(lines: readonly T[], budget: number): T[] {
  const total = lines.reduce((sum, line) => sum + line.tokens, 0);
  if (total <= budget) return [...lines];
  const keep = new Set<number>();
  let used = 0;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const tokens = lines[i]!.tokens;
    if (used + tokens > budget * NEWEST_SHARE) break;
    keep.add(i);
    used += tokens;
  }
  const older = lines.length - keep.size;
  if (older > 0) {
    const average = Math.max(1, (total - used) / older);
    const room = Math.floor((budget - used) / average);
    const step = older / Math.max(1, room);
    for (let position = 0; position < older && used < budget; position += Math.max(1, step)) {
      const i = Math.floor(position);
      const tokens = lines[i]!.tokens;
      if (keep.has(i) || used + tokens > budget) continue;
      keep.add(i);
      used += tokens;
    }
  }
  return [...keep].sort((left, right) => left - right).map((i) => lines[i]!);
}
