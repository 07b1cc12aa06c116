import { describe, expect, it } from 'vitest';
import { thoughtTypes, type ThoughtType } from '../../src-shared/contract/thoughts';
import {
  ACTIONABLE_THRESHOLD,
  actionabilityOf,
  classifyThought,
  TYPE_PROTOTYPES,
  type EmbeddingEvidence,
} from '../../src-main/core/understanding/classify';

describe('classifyThought', () => {
  it.each<[ThoughtType, string]>([
    ['task', 'Pick up the prescription from the pharmacy'],
    ['task', 'remember to defrost the chicken'],
    ['task', '- [ ] renew the parking permit\n- [ ] book the vet'],
    ['question', 'How do noise-cancelling headphones actually work?'],
    ['question', 'where do wasps go in winter'],
    ['idea', 'What if receipts were emailed as structured data instead of PDFs?'],
    ['idea', 'Idea: a podcast where strangers swap recipes'],
    ['journal', 'Today I felt calm for the first time in weeks. Long bath, early night.'],
    ['journal', 'Went to the flea market with Jo, bought a lamp we do not need 😅'],
    ['reflection', 'Looking back, the hardest years taught me the most.'],
    ['reflection', 'I realised I only enjoy running when nobody is timing me.'],
    ['note', 'Library opening hours: Mon–Fri 9–18, Sat 10–14'],
    ['note', 'https://example.org/guide — the guide to Rust lifetimes'],
  ])('calls it %s: %s', (type, text) => {
    expect(classifyThought(text).type).toBe(type);
  });

  it('falls back to a note when nothing speaks for any type', () => {
    expect(classifyThought('hmm').type).toBe('note');
    expect(classifyThought('🙂').type).toBe('note');
  });

  it('keeps a journal a journal when a task hides in it, and still sees the task', () => {
    const result = classifyThought(
      'Today was long. Felt flat all afternoon, then a good talk with Sam cheered me up. Need to send him the book list tomorrow.',
    );
    expect(result.type).toBe('journal');
    expect(result.actionability).toBeGreaterThanOrEqual(ACTIONABLE_THRESHOLD);
  });

  it('gives scores that sum to 1 and the same answer every time', () => {
    const text = 'Should I learn the cello? Maybe this summer.';
    const first = classifyThought(text);
    const total = thoughtTypes.reduce((sum, type) => sum + first.scores[type], 0);
    expect(total).toBeCloseTo(1, 2);
    expect(classifyThought(text)).toEqual(first);
  });

  it('never calls a thought a task without it being actionable', () => {
    for (const text of ['Tasks are piling up and I feel it.', 'The task list app crashed again', 'Task: ']) {
      const result = classifyThought(text);
      if (result.type === 'task') expect(result.actionability).toBeGreaterThanOrEqual(ACTIONABLE_THRESHOLD);
    }
  });
});

describe('actionabilityOf', () => {
  it.each([
    'Buy oat milk',
    'I need to call the landlord',
    "don't forget the gym bag",
    'TODO: file the expense report',
    'make sure the windows are closed',
    'gotta fix the bike brakes',
  ])('sees something to do in "%s"', (text) => {
    expect(actionabilityOf(text)).toBeGreaterThanOrEqual(ACTIONABLE_THRESHOLD);
  });

  it.each([
    'I should have called her back',
    'Should I buy a new bike?',
    "I don't need to be in that meeting",
    'Went to buy milk but they were out',
    'I need to be kinder to myself',
    'Plan: none yet',
    'The milk is in the fridge',
  ])('sees nothing to do in "%s"', (text) => {
    expect(actionabilityOf(text)).toBeLessThan(ACTIONABLE_THRESHOLD);
  });

  it('counts a ticked checkbox as done', () => {
    const unit = { text: 'renew insurance', start: 0, isListItem: true, isTodoItem: true, isMarked: false, isDone: true, dayHeading: null };
    expect(actionabilityOf(unit)).toBe(0);
  });
});

describe('classifyThought with embedding prototypes', () => {
  // Orthogonal one-hot prototypes per type, so a thought's vector can point at one type.
  const dimension = thoughtTypes.length;
  const oneHot = (index: number, scale = 1) => {
    const vector = new Float32Array(dimension);
    vector[index] = scale;
    return vector;
  };
  const prototypes: Record<ThoughtType, Float32Array[]> = { note: [], idea: [], question: [], journal: [], reflection: [], task: [] };
  thoughtTypes.forEach((type, index) => prototypes[type].push(oneHot(index)));
  const toward = (type: ThoughtType): EmbeddingEvidence => ({ vector: oneHot(thoughtTypes.indexOf(type), 3), prototypes, weight: 0.6 });

  it('exports prototype sentences for every type', () => {
    for (const type of thoughtTypes) expect(TYPE_PROTOTYPES[type].length).toBeGreaterThanOrEqual(5);
  });

  it('lets meaning decide where the wording says nothing', () => {
    const text = 'bike lanes on every single street';
    expect(classifyThought(text).type).toBe('note');
    expect(classifyThought(text, toward('idea')).type).toBe('idea');
  });

  it('raises actionability for a thought that means a task without saying so', () => {
    const text = 'dentist';
    expect(classifyThought(text).actionability).toBeLessThan(ACTIONABLE_THRESHOLD);
    const blended = classifyThought(text, toward('task'));
    expect(blended.actionability).toBeGreaterThanOrEqual(ACTIONABLE_THRESHOLD);
    expect(blended.type).toBe('task');
  });

  it('does not let weak embedding evidence override clear wording', () => {
    const evidence: EmbeddingEvidence = { ...toward('journal'), weight: 0.2 };
    expect(classifyThought('What if lamps dimmed themselves at sunset?', evidence).type).toBe('idea');
  });

  it('judges types without prototypes by the rules alone', () => {
    const partial = { ...prototypes, idea: [] };
    const result = classifyThought('What if lamps dimmed themselves at sunset?', { vector: oneHot(0, 3), prototypes: partial });
    expect(result.type).toBe('idea');
  });

  it('refuses vectors from a different model', () => {
    expect(() => classifyThought('hello', { vector: new Float32Array(3), prototypes })).toThrow(RangeError);
  });
});
