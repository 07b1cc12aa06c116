import type { InsightKind, InsightTopic, ThoughtType } from '../../../src-shared/contract';

/** A thought as a check reads it. */
export interface CheckThought {
  id: string;
  seq: number;
  text: string;
  type: ThoughtType;
  createdAt: number;
  isPrivate: boolean;
  tags: string[];
}

export interface OpenTask {
  id: string;
  title: string;
  status: 'todo' | 'doing';
  dueAt: number | null;
  createdAt: number;
  updatedAt: number;
  sourceThoughtId: string | null;
  goalTitle: string | null;
}

export interface GoalContext {
  id: string;
  title: string;
  targetDate: number | null;
  lifeArea: string | null;
}

/** Everything one check reads. */
export interface CheckInput {
  now: number;
  timeZone: string;
  /** Thoughts captured since the previous run, oldest first (capped; see notes). */
  thoughts: CheckThought[];
  /** New thoughts beyond the cap that the run did not read. */
  omitted: number;
  goals: GoalContext[];
  openTasks: OpenTask[];
  /** Questions of the last 30 days, and the thoughts written after each (for "still open?"). */
  recentQuestions: CheckThought[];
  thoughtsAfter(createdAt: number, limit: number): CheckThought[];
  /** Thoughts captured per local day over the last 60 days, oldest first. */
  captureDays: { day: string; count: number; firstThoughtId: string; lastThoughtId: string }[];
  /** Stored vectors of the given thoughts, when a model has made them. */
  vectorsOf(seqs: readonly number[]): Map<number, Float32Array>;
  /** The person's tags most used on these thoughts, as context for the model. */
  topTags: string[];
}

/** One thing a check noticed, resting on thoughts. */
export interface Finding {
  kind: InsightKind;
  topic: InsightTopic | null;
  title: string;
  body: string;
  /** Thought ids, most telling first. */
  evidence: string[];
  proposedTask: { title: string; dueAt: number | null } | null;
  /** The same finding is not raised again while an earlier one stands (or was dismissed lately). */
  dedupeKey: string | null;
}

export interface FoundTaskInThought {
  thoughtId: string;
  title: string;
  dueAt: number | null;
  hasTime: boolean;
  confidence: number;
}

export interface CheckFindings {
  findings: Finding[];
  tasks: FoundTaskInThought[];
  /** Tags a backend suggests for thoughts (valid names only; offline leaves this to the analyzer). */
  tags: { thoughtId: string; names: string[] }[];
  /** What the run should say about how it got these (e.g. "2 insights without evidence were dropped"). */
  notes: string[];
}
