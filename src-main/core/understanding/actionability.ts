import type { Unit } from './units';

/** At or above this actionability a thought (or a sentence of it) holds something to do. */
export const ACTIONABLE_THRESHOLD = 0.5;

// Verbs that start a to-do when they open a sentence ("Buy milk", "call mom").
const ACTION_VERBS = new Set(
  `buy call email e-mail mail text message ping phone ring send pay book schedule reschedule fix repair clean tidy
  wash vacuum pick drop order renew cancel write finish complete prepare prep submit return check ask follow
  remind update refactor investigate figure make get grab fetch collect replace unsubscribe subscribe print bring
  apply cut archive water feed review research install uninstall organize organise register sign reply respond
  contact confirm arrange draft publish deploy merge test debug download upload share pack ship hand invite cook
  bake hire take put hang mow charge change swap sell donate recycle file scan transfer withdraw deposit top
  reserve rent request remove delete add create build release migrate upgrade restore purchase fill refill empty
  clear wrap defrost find re-read reread plan sort set backup sweep dust iron fold shop chase nudge decide
  finalize finalise proofread translate measure`.split(/\s+/),
);
// Verbs that open journal lines and notes as often as to-dos ("Plan: …", "Walk was nice"): they
// count only when an object follows ("read the paper", "go to the bank").
const WEAK_VERBS = new Set(
  `read watch listen look go see meet visit start stop try learn practice practise move think remember run
  walk keep rest sketch play`.split(/\s+/),
);
const OBJECT_START = /^(?:the|a|an|my|our|your|his|her|their|this|that|these|those|some|all|up|out|off|back|in|into|on|to|with|over|through|\p{Lu}|\w+'s\b)/u;
const PAST_START = /^(?:went|had|took|met|woke|ran|wrote|finished|spent|made|got|saw|sat|hiked|walked|slept|tried|stayed|cooked|ate|finally|moved|called|bought|did|was|were|just|lots|feeling|feel)\b/;
const FILLER = /^(?:(?:ok(?:ay)?|so|also|and|then|oh|btw|pls|please|plz|quick(?:ly)?|urgent|!+)[,:!]?\s+)+/i;
const INTERROGATIVE = /^(?:who|what|when|where|why|how|which|whose|is|are|am|do|does|did|can|could|should|would|will|shall|was|were)\b/;
const DAY_CUE =
  /\b(?:today|tonight|tomorrow|tmrw|tmr|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|next week|asap|eod|deadline|due|by the|before the|end of|\d{1,2}(?::\d{2})?\s*(?:am|pm))\b/;

/**
 * How likely one sentence or list item is something to do, 0..1, from its wording alone:
 * imperative verbs, "need to / remember to / don't forget", "TODO:" and checkboxes raise it;
 * questions, past tense and hindsight ("should have") lower it.
 */
export function actionabilityOf(unit: Unit | string): number {
  const item: Unit =
    typeof unit === 'string'
      ? { text: unit, start: 0, isListItem: false, isTodoItem: false, isMarked: false, isDone: false, dayHeading: null }
      : unit;
  if (item.isDone) return 0;
  const text = item.text
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/^[\p{Extended_Pictographic}\u{FE0F}\u{200D}\s]+/u, '')
    .replace(FILLER, '')
    .trim();
  if (text === '') return 0;
  let score = wordingScore(text);
  if (item.isMarked) score = Math.max(score, 0.9);
  else if (item.isTodoItem) score = Math.max(score, 0.7);
  else if (item.isListItem) score = Math.min(1, score + 0.05);

  if (/\b(?:should|could|would|must)\s+(?:have|'ve)\b|\b(?:had|needed|wanted) to\b|\b(?:don't|dont|didn't|do not|no)\s+need\b/.test(text)) {
    score = Math.min(score, 0.15);
  }
  if (text.endsWith('?')) score *= 0.3;
  else if (INTERROGATIVE.test(text) && !/^(?:can|could|will|would) you\b/.test(text)) score *= 0.4;
  if (score >= 0.3 && DAY_CUE.test(text)) score += 0.1;
  if (/\basap\b|\burgent|!{2,}/.test(text)) score += 0.05;
  return Math.min(1, Math.max(0, score));
}

function wordingScore(text: string): number {
  if (/^(?:todo|to do|to-do|reminder|task)\s*[:\-–—]\s*\S/.test(text)) return 0.9;
  if (/^(?:remember|remind me|don't forget|dont forget|do not forget) to\b|^(?:don't|dont|do not) forget\b|^make sure\b/.test(text)) return 0.8;
  if (/\b(?:remember to|remind me to|don't forget to|dont forget to)\b/.test(text)) return 0.75;
  const modal = /^(?:(?:i|we)\s+(?:really\s+|still\s+|also\s+|definitely\s+|seriously\s+|just\s+)?)?(?:need|needs|have|has|got|ought)\s+to\s+(\S+)|^(?:(?:i|we)\s+)?(?:must|gotta)\s+(\S+)/.exec(text);
  if (modal !== null) {
    const verb = modal[1] ?? modal[2] ?? '';
    return /^(?:be|feel|stop|start|learn|accept|remember|let|trust|care|believe|get better|worry|relax)$/.test(verb) ? 0.25 : 0.75;
  }
  const should = /^(?:i|we)\s+(?:really\s+|probably\s+|definitely\s+)?should\s+(\S+)/.exec(text);
  if (should !== null) return ACTION_VERBS.has(should[1] ?? '') ? 0.6 : 0.35;
  if (/^(?:let's|lets)\s+\S/.test(text)) return 0.55;
  if (/^(?:i'll|i will|we'll|we will|i'm going to|i am going to)\s+\S/.test(text)) return 0.45;
  if (/^(?:i|we)\s+(?:want|wanna|plan|intend|hope|would like)\s+to\b/.test(text)) return 0.3;
  if (PAST_START.test(text)) return 0;
  const [first = '', second = ''] = text.split(/\s+/, 2);
  const verb = first.replace(/[^a-z'-]/g, '');
  if (/^(?:was|is|went|were|felt|has|had|are)$/.test(second) || first.endsWith(':')) return 0;
  const rest = text.slice(first.length).trimStart();
  if (ACTION_VERBS.has(verb)) return rest === '' ? 0.55 : 0.75;
  if (WEAK_VERBS.has(verb)) return OBJECT_START.test(rest) ? 0.6 : 0.25;
  return 0;
}
