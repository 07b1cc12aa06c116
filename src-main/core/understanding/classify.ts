import { thoughtTypes, type ThoughtType } from '../../../src-shared/contract/thoughts';
import { blendWithPrototypes, type EmbeddingEvidence } from './prototypes';
import { ACTIONABLE_THRESHOLD, actionabilityOf } from './actionability';
import { readUnits } from './units';

export type { EmbeddingEvidence } from './prototypes';
export { TYPE_PROTOTYPES } from './prototypes';
export { ACTIONABLE_THRESHOLD, actionabilityOf } from './actionability';

export interface Classification {
  type: ThoughtType;
  /** 0..1: how likely the thought holds something the person means to do. */
  actionability: number;
  /** How well each type fits, summing to 1. */
  scores: Record<ThoughtType, number>;
}

type Cue = readonly [ThoughtType, RegExp, number];

// Wording that marks each type. Each cue counts once per thought; weights were set on the
// development half of tests/fixtures/labelled-thoughts.json.
const CUES: readonly Cue[] = [
  ['idea', /^(?:[\w-]+\s+){0,3}idea\b[^:\n]{0,20}[:\-—]/, 3],
  ['idea', /\bwhat if\b/, 4],
  ['idea', /\b(?:how about|why not|wouldn't it be|would be (?:cool|nice|fun|great|neat))\b/, 2],
  ['idea', /^(?:maybe|perhaps)\s+(?:we|i|a|an|the|cairn)\b/, 3],
  ['idea', /^could\s+(?:we|the|it|cairn|this|there)\b|\b(?:we|cairn|the app)\s+could\b/, 3],
  ['idea', /^(?:brainstorm|hypothesis|concept|random thought|sketch for|pitch|premise|thoughts on|vague plan|plan:)/, 2.2],
  ['idea', /^(?:a|an)\s+(?:[\w'-]+\s+){1,5}(?:that|which|where|for|to)\b/, 1.5],
  ['idea', /\b(?:app|feature|startup|prototype|side project|game|extension|tool|product)\b/, 0.6],
  ['question', /\?\s*$/, 2.2],
  ['question', /\?\s+\S/, 1],
  ['question', /^(?:who|what|when|where|why|how|which|whose)\b(?! if\b)/, 1.6],
  ['question', /^(?:is|are|am|do|does|did|can|should|will|shall|has|have|was|were)\s+(?:i|we|you|it|there|this|that|the|a|an|my|they|he|she|people)\b/, 1.6],
  ['question', /\b(?:i wonder|wondering|curious (?:if|whether|why|how)|not sure (?:if|whether|how))\b/, 2],
  ['journal', /\b(?:today|this morning|tonight|this evening|yesterday|last night|this afternoon|weekend was)\b/, 1],
  ['journal', /\b(?:i|we)\s+(?:went|had|took|met|woke|ran|wrote|finished|spent|made|got|saw|did|cooked|hiked|walked|slept|tried|felt|was|were|stayed|ate)\b/, 1.2],
  ['journal', /^(?:went|had|took|met|woke|ran|wrote|finished|spent|made|got|saw|sat|sitting|hiked|walked|slept|tried|stayed|cooked|ate|finally|lots of|huge|first time|weekend|dinner|lunch|breakfast)\b/, 1.6],
  ['journal', /\b(?:i feel|i'm feeling|feeling|i felt|feel like)\b/, 1.5],
  ['journal', /^(?:tired|exhausted|happy|sad|stressed|anxious|grateful|mood|ugh|sigh|meh|daydreaming|my brain)\b/, 2],
  ['journal', /\b(?:grateful|mood|sigh|ugh|lovely|destroyed|victory|worth it)\b/, 1],
  ['journal', /\b(?:proud|anxious|tired|exhausted|jealous|lonely|happy|sad|angry|stressed|overwhelmed|excited|nervous|scared|frustrated|stuck|sore)\b/, 0.8],
  ['journal', /\b(?:my|our|the)\s+(?:daughter|son|kids|wife|husband|partner|mum|mom|dad|sister|brother)\b/, 0.3],
  ['reflection', /\brealis(?:e|ed|ing)\b|\brealiz(?:e|ed|ing)\b/, 2.5],
  ['reflection', /\b(?:looking back|in hindsight|in retrospect|lessons?)\b|\bi(?:'ve)? learned\b(?! that)|\bthings i learned\b/, 2.5],
  ['reflection', /\bi\s+(?:keep|noticed|notice|tend to|think i|guess i|confuse)\b|^noticing\b|\b(?:i|we)\s+used to\b|^remember when\b/, 1.6],
  ['reflection', /^i\s+(?:really\s+)?should\b|\b(?:stop|quit|start)\s+\w+ing\b|\bthe idea that\b|\bi can (?:finally|now)\b|\bafter (?:\w+|\d+) (?:months|years)\b/, 1.2],
  ['reflection', /\b(?:the older i get|it's funny how|the thing about|the thing is|sometimes the|most of my|i'm (?:starting|beginning) to (?:understand|see|realise|realize)|made me (?:see|realise|realize|think)|lately|i've been|i have been|thinking about how|i don't want to be|not sure this|i miss|should have)\b/, 1.6],
  ['reflection', /\b(?:always|never|every time|everyone|nobody|people|anymore)\b/, 0.5],
  ['reflection', /\b(?:life|happiness|happiest|anxiety|discipline|habits?|rest|purpose|meaning|afraid|patient|myself|the best ideas|favorite part)\b/, 0.6],
  ['note', /https?:\/\/|\bwww\./, 2.5],
  ['note', /^(?:(?:note to self|note|notes|quote|recipe|password|wifi|wi-fi|tax id|phone|address|notes from|standup notes|meeting notes|linked|link|til|interesting|fact|reference|source|eta|costs?|podcast rec|rec|doctor said|[\w' ]{1,20}'s point)\b|remember:)/, 2],
  ['note', /\btoday i learned\b|\btil\b/, 3],
  ['note', /^[^:\n?]{1,30}:\s+\S/, 0.8],
  ['note', /\d[\d\s/.,:-]{5,}\d/, 0.8],
  ['note', /\/[\w.-]+\/[\w.-]+/, 0.6],
  ['note', /\b(?:done|moved to|is at|password|login|terminal|platform|leaves every|lands at)\b/, 0.6],
];

const NOTE_PRIOR = 0.6;
const TASK_WEIGHT = 4;

/**
 * The type of a thought and how actionable it is, from rules over its wording; deterministic.
 * With `embedding` (the thought's vector and vectors of TYPE_PROTOTYPES, embedded once by the
 * caller) the rule scores are blended with cosine similarity to the prototypes.
 */
export function classifyThought(text: string, embedding?: EmbeddingEvidence): Classification {
  const units = readUnits(text).filter((unit) => !unit.isDone);
  const unitScores = units.map((unit) => actionabilityOf(unit));
  const actionable = unitScores.filter((score) => score >= ACTIONABLE_THRESHOLD).length;
  const ruleActionability = unitScores.length === 0 ? 0 : Math.max(...unitScores);

  const lower = text.toLowerCase().replace(/’/g, "'").trim();
  const opening = (units[0]?.text ?? lower).toLowerCase().replace(/’/g, "'");
  const raw: Record<ThoughtType, number> = { note: NOTE_PRIOR, idea: 0, question: 0, journal: 0, reflection: 0, task: 0 };
  for (const [type, pattern, weight] of CUES) {
    if (pattern.test(opening)) raw[type] += weight * 1.25;
    else if (pattern.test(lower)) raw[type] += weight;
  }
  const leadsWithTask = (unitScores[0] ?? 0) >= ACTIONABLE_THRESHOLD;
  const share = units.length === 0 ? 0 : actionable / units.length;
  raw.task = ruleActionability >= ACTIONABLE_THRESHOLD ? TASK_WEIGHT * ruleActionability * (leadsWithTask ? 0.6 + 0.4 * share : 0.3) : 0;

  const ruleScores = normalise(raw);
  const blended = embedding === undefined ? { scores: ruleScores, actionability: ruleActionability } : blendWithPrototypes(ruleScores, ruleActionability, embedding);
  const type = pickType(blended.scores, blended.actionability);
  return { type, actionability: round(blended.actionability), scores: mapScores(blended.scores, round) };
}

function pickType(scores: Record<ThoughtType, number>, actionability: number): ThoughtType {
  let best: ThoughtType = 'note';
  for (const type of thoughtTypes) {
    if (type === 'task' && actionability < ACTIONABLE_THRESHOLD) continue;
    if (scores[type] > scores[best]) best = type;
  }
  return best;
}

function normalise(raw: Record<ThoughtType, number>): Record<ThoughtType, number> {
  const total = thoughtTypes.reduce((sum, type) => sum + raw[type], 0);
  return mapScores(raw, (value) => value / total);
}

function mapScores(scores: Record<ThoughtType, number>, map: (value: number) => number): Record<ThoughtType, number> {
  const mapped = { ...scores };
  for (const type of thoughtTypes) mapped[type] = map(scores[type]);
  return mapped;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
