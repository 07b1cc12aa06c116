import { thoughtTypes, type ThoughtType } from '../../../src-shared/contract/thoughts';

/**
 * Sentences typical of each type. The caller embeds them once with the same model as the
 * thoughts and passes the vectors back as `EmbeddingEvidence.prototypes`.
 */
export const TYPE_PROTOTYPES: Readonly<Record<ThoughtType, readonly string[]>> = {
  note: [
    'The door code for the office is 4471.',
    'Useful article about database indexing: https://example.com/indexes',
    'Quote from the book: the map is not the territory.',
    'Meeting notes: the launch moved to the second week of May.',
    'The pharmacy on the corner is open until 8pm on weekdays.',
    'Interesting fact: honey never spoils.',
  ],
  idea: [
    'What if the app could suggest a playlist based on my mood?',
    'Idea: a shared shopping list that sorts itself by the aisles of the shop.',
    'Maybe we could run the workshop outdoors this time.',
    'A small tool that turns voice memos into tidy notes.',
    'Startup idea: repair café booking for broken electronics.',
    'It would be cool to have a map of all the places I have written about.',
  ],
  question: [
    'Why do I get headaches on Sunday afternoons?',
    'How does compound interest actually work?',
    'Is it worth upgrading the laptop or should I wait a year?',
    'What is the best way to learn to draw as an adult?',
    'Where did I save the scans of the contract?',
    'I wonder whether the neighbours heard us last night.',
  ],
  journal: [
    'Today was exhausting, back-to-back meetings and no lunch.',
    'Went for a long walk by the lake this morning and felt calm for the first time in days.',
    'Feeling a bit low tonight. Called my sister, it helped.',
    'Had dinner with old friends, laughed until my face hurt.',
    'Slept badly again, woke up at four with my mind racing.',
    'Grateful for the sunshine and a quiet Saturday.',
  ],
  reflection: [
    'Looking back, I think I took that job for the wrong reasons.',
    'I realised that I only procrastinate when I am afraid of failing.',
    'The older I get, the more I value quiet weekends.',
    'Lesson learned: say no early instead of resenting it later.',
    'I keep noticing that my best work happens before noon.',
    'In hindsight the argument was never about money.',
  ],
  task: [
    'Buy milk and bread on the way home.',
    'Call the plumber tomorrow about the leak.',
    'Need to send the invoice to the client by Friday.',
    'Remember to renew the car insurance.',
    'Book a dentist appointment for next week.',
    'TODO: reply to the landlord and pay the rent.',
  ],
};

/** The thought's own vector and the prototype vectors, all from the same embedding model. */
export interface EmbeddingEvidence {
  vector: Float32Array;
  /** Vectors of TYPE_PROTOTYPES per type; a type with none is judged by the rules alone. */
  prototypes: Record<ThoughtType, Float32Array[]>;
  /** Share of the embedding in the blend, 0..1; 0.5 unless given. */
  weight?: number;
}

// Cosine similarities between sentences of one model differ by a few hundredths; dividing by a
// small temperature turns those differences into a usable distribution.
const TEMPERATURE = 0.05;

/** Rule scores and actionability blended with similarity to the prototypes of each type. */
export function blendWithPrototypes(
  ruleScores: Record<ThoughtType, number>,
  ruleActionability: number,
  evidence: EmbeddingEvidence,
): { scores: Record<ThoughtType, number>; actionability: number } {
  const weight = Math.min(1, Math.max(0, evidence.weight ?? 0.5));
  const similarity = new Map<ThoughtType, number>();
  for (const type of thoughtTypes) {
    const vectors = evidence.prototypes[type];
    if (vectors.length === 0) continue;
    similarity.set(type, Math.max(...vectors.map((vector) => cosine(evidence.vector, vector))));
  }
  if (similarity.size === 0) return { scores: ruleScores, actionability: ruleActionability };

  const best = Math.max(...similarity.values());
  const exponent = new Map([...similarity].map(([type, value]) => [type, Math.exp((value - best) / TEMPERATURE)]));
  const exponentTotal = [...exponent.values()].reduce((sum, value) => sum + value, 0);
  // Types without prototypes keep their rule share of the embedding half.
  const judged = [...similarity.keys()].reduce((sum, type) => sum + ruleScores[type], 0);
  const scores = { ...ruleScores };
  for (const type of thoughtTypes) {
    const fromEmbedding = exponent.has(type) ? ((exponent.get(type) ?? 0) / exponentTotal) * judged : ruleScores[type];
    scores[type] = (1 - weight) * ruleScores[type] + weight * fromEmbedding;
  }

  const taskSimilarity = similarity.get('task');
  if (taskSimilarity === undefined) return { scores, actionability: ruleActionability };
  const others = [...similarity].filter(([type]) => type !== 'task').map(([, value]) => value);
  const otherBest = others.length === 0 ? taskSimilarity : Math.max(...others);
  const embeddedActionability = 1 / (1 + Math.exp(-(taskSimilarity - otherBest) / TEMPERATURE));
  return { scores, actionability: (1 - weight) * ruleActionability + weight * embeddedActionability };
}

/** Cosine similarity; 0 when either vector is all zeros. Throws RangeError on a length mismatch. */
export function cosine(left: Float32Array, right: Float32Array): number {
  if (left.length !== right.length) {
    throw new RangeError(`Vectors differ in length (${left.length} and ${right.length}): were they made by the same model?`);
  }
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index += 1) {
    const a = left[index] ?? 0;
    const b = right[index] ?? 0;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}
