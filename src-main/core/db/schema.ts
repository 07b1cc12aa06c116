import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

// Times are integer milliseconds since the epoch (UTC); booleans are 0/1 integers.
// Virtual tables (FTS5, vec0) and triggers live in hand-written migrations: drizzle cannot
// describe them.

const createdAt = () => integer('created_at').notNull();
const updatedAt = () => integer('updated_at').notNull();

/**
 * `seq` is the integer rowid shared with the FTS5 index and the vec0 table; `id` is the public,
 * time-sortable ULID that leaves the process.
 */
export const thoughts = sqliteTable(
  'thoughts',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    text: text('text').notNull(),
    type: text('type').notNull().default('note'),
    /** 1 when the person chose the type; automatic detection never overrides it. */
    typeLocked: integer('type_locked').notNull().default(0),
    source: text('source').notNull(),
    pinned: integer('pinned').notNull().default(0),
    isPrivate: integer('is_private').notNull().default(0),
    archivedAt: integer('archived_at'),
    deletedAt: integer('deleted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('thoughts_id_unique').on(t.id),
    index('thoughts_stream_idx').on(t.deletedAt, t.archivedAt, t.createdAt, t.seq),
    // What was captured in a time window, whatever its archive state (consciousness checks).
    index('thoughts_created_idx').on(t.createdAt),
  ],
);

export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_name_unique').on(t.name)],
);

/** `kind` keeps the person's tags apart from Cairn's: user | auto. Auto tags carry a status. */
export const thoughtTags = sqliteTable(
  'thought_tags',
  {
    thoughtSeq: integer('thought_seq')
      .notNull()
      .references(() => thoughts.seq, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('accepted'),
    confidence: real('confidence'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.thoughtSeq, t.tagId] }), index('thought_tags_tag_idx').on(t.tagId)],
);

/** Content-addressed files: stored once per SHA-256, linked to thoughts. */
export const attachments = sqliteTable('attachments', {
  hash: text('hash').primaryKey(),
  mime: text('mime').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  createdAt: createdAt(),
});

export const thoughtAttachments = sqliteTable(
  'thought_attachments',
  {
    thoughtSeq: integer('thought_seq')
      .notNull()
      .references(() => thoughts.seq, { onDelete: 'cascade' }),
    hash: text('hash')
      .notNull()
      .references(() => attachments.hash),
    fileName: text('file_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.thoughtSeq, t.hash] })],
);

/** Which model produced each stored vector, so a model change can re-embed in the background. */
/**
 * Which thoughts have a vector from which model. Several models can coexist while a new one is
 * being built in the background; the vectors themselves live in the vector store's tables.
 */
export const thoughtEmbeddings = sqliteTable(
  'thought_embeddings',
  {
    thoughtSeq: integer('thought_seq')
      .notNull()
      .references(() => thoughts.seq, { onDelete: 'cascade' }),
    /** `<model id>@<revision>`: one vector table set per key. */
    modelKey: text('model_key').notNull(),
    modelId: text('model_id').notNull(),
    modelRevision: text('model_revision').notNull(),
    dimension: integer('dimension').notNull(),
    embeddedAt: integer('embedded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.thoughtSeq, t.modelKey] }), index('thought_embeddings_model_idx').on(t.modelKey)],
);

/** Embedding models Cairn has used; the newest `active` one answers searches. */
export const embeddingModels = sqliteTable('embedding_models', {
  modelKey: text('model_key').primaryKey(),
  modelId: text('model_id').notNull(),
  modelRevision: text('model_revision').notNull(),
  dimension: integer('dimension').notNull(),
  /** building: backfilling in the background; active: searched; retired: being dropped. */
  state: text('state').notNull(),
  /** Backfill walks thoughts newest first; every seq at or above this has been visited. */
  backfillBelowSeq: integer('backfill_below_seq'),
  createdAt: createdAt(),
  activatedAt: integer('activated_at'),
});

export const lifeAreas = sqliteTable(
  'life_areas',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    color: text('color'),
    position: real('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('life_areas_name_unique').on(t.name)],
);

export const goals = sqliteTable('goals', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  lifeAreaId: text('life_area_id').references(() => lifeAreas.id, { onDelete: 'set null' }),
  targetDate: integer('target_date'),
  status: text('status').notNull().default('active'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
});

export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
    /** 0 none, 1 low, 2 medium, 3 high. */
    priority: integer('priority').notNull().default(0),
    status: text('status').notNull().default('todo'),
    dueAt: integer('due_at'),
    /** Lower-case words of the title, for "an identical open task already exists". */
    titleKey: text('title_key').notNull().default(''),
    parentId: text('parent_id'),
    /** RFC 5545 RRULE text, e.g. FREQ=WEEKLY;BYDAY=MO. */
    recurrenceRule: text('recurrence_rule'),
    /** Minutes a plan step was estimated to take. */
    estimateMinutes: integer('estimate_minutes'),
    sourceThoughtId: text('source_thought_id').references(() => thoughts.id, { onDelete: 'set null' }),
    goalId: text('goal_id').references(() => goals.id, { onDelete: 'set null' }),
    position: real('position').notNull().default(0),
    completedAt: integer('completed_at'),
    /**
     * The occurrence of a repeating task whose completion made this one. Unique: completing an
     * occurrence twice (or again after reopening it) never makes a second next one.
     */
    recursFrom: text('recurs_from'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('tasks_recurs_from_unique').on(t.recursFrom),
    index('tasks_status_due_idx').on(t.status, t.dueAt),
    index('tasks_goal_idx').on(t.goalId),
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_title_key_idx').on(t.titleKey, t.status),
  ],
);

export const taskSuggestions = sqliteTable(
  'task_suggestions',
  {
    id: text('id').primaryKey(),
    thoughtId: text('thought_id')
      .notNull()
      .references(() => thoughts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    titleKey: text('title_key').notNull().default(''),
    dueAt: integer('due_at'),
    dueHasTime: integer('due_has_time').notNull().default(0),
    confidence: real('confidence').notNull(),
    status: text('status').notNull().default('pending'),
    origin: text('origin').notNull().default('offline'),
    taskId: text('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    index('task_suggestions_status_idx').on(t.status, t.expiresAt),
    index('task_suggestions_thought_idx').on(t.thoughtId),
    // Never the same suggestion twice for one thought, whatever its status.
    uniqueIndex('task_suggestions_thought_title_unique').on(t.thoughtId, t.titleKey),
  ],
);

/**
 * Append-only log: every mutation of a thought, task or goal writes one row in the same
 * transaction. History and undo read it; an UPDATE is refused by a trigger.
 */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    type: text('type').notNull(),
    actor: text('actor').notNull(),
    at: integer('at').notNull(),
    data: text('data').notNull(),
  },
  (t) => [index('events_entity_idx').on(t.entityType, t.entityId, t.id)],
);

/** Durable background work (embedding, analysis …), claimed by processors. */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    /** pending | running | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    runAfter: integer('run_after').notNull(),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('jobs_claim_idx').on(t.status, t.kind, t.runAfter),
    uniqueIndex('jobs_dedupe_unique')
      .on(t.kind, t.dedupeKey)
      .where(sql`dedupe_key IS NOT NULL AND status IN ('pending', 'running')`),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: updatedAt(),
});

/** API and browser-session tokens, stored as SHA-256 hashes only. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    hash: text('hash').notNull(),
    label: text('label').notNull().default(''),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_unique').on(t.hash)],
);

export const checkRuns = sqliteTable(
  'check_runs',
  {
    id: text('id').primaryKey(),
    trigger: text('trigger').notNull(),
    status: text('status').notNull(),
    provider: text('provider'),
    model: text('model'),
    inputCount: integer('input_count').notNull().default(0),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    costMicros: integer('cost_micros').notNull().default(0),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    notes: text('notes').notNull().default('{}'),
    createdAt: createdAt(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    /** Thoughts captured after this time (the previous run's windowEnd) were this run's input. */
    windowStart: integer('window_start'),
    windowEnd: integer('window_end'),
    /** Thoughts whose text was sent to the backend (0 for the offline provider). */
    sentCount: integer('sent_count').notNull().default(0),
  },
  (t) => [
    index('check_runs_created_idx').on(t.createdAt),
    index('check_runs_status_idx').on(t.status, t.windowEnd),
    // Never two checks at once, even from two processes on one database.
    uniqueIndex('check_runs_one_running').on(t.status).where(sql`status = 'running'`),
  ],
);

export const insights = sqliteTable(
  'insights',
  {
    id: text('id').primaryKey(),
    runId: text('run_id')
      .notNull()
      .references(() => checkRuns.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Which backend produced it: offline | ollama | claude. */
    provider: text('provider').notNull().default('offline'),
    /** Kind-specific facts as JSON (a suggested task's title and due date, a theme's words …). */
    data: text('data').notNull().default('{}'),
    /** The same finding (a task overdue, a theme) is raised once while it stands. */
    dedupeKey: text('dedupe_key'),
    pinned: integer('pinned').notNull().default(0),
    dismissedAt: integer('dismissed_at'),
    taskId: text('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('insights_run_idx').on(t.runId),
    index('insights_created_idx').on(t.createdAt),
    index('insights_dedupe_idx').on(t.dedupeKey, t.createdAt),
  ],
);

/** The thoughts an insight rests on. */
export const insightEvidence = sqliteTable(
  'insight_evidence',
  {
    insightId: text('insight_id')
      .notNull()
      .references(() => insights.id, { onDelete: 'cascade' }),
    thoughtId: text('thought_id')
      .notNull()
      .references(() => thoughts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.insightId, t.thoughtId] })],
);

/** Every request Cairn sent to an AI backend: who, what for, how much — never the content. */
export const aiRequests = sqliteTable(
  'ai_requests',
  {
    id: integer('id').primaryKey(),
    /** The check run or goal the request was for. */
    runId: text('run_id').notNull(),
    purpose: text('purpose').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    remote: integer('remote').notNull(),
    thoughtCount: integer('thought_count').notNull(),
    promptChars: integer('prompt_chars').notNull(),
    /** running | ok | failed | cancelled */
    status: text('status').notNull(),
    errorCode: text('error_code'),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    costMicros: integer('cost_micros').notNull().default(0),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('ai_requests_run_idx').on(t.runId), index('ai_requests_started_idx').on(t.startedAt)],
);

/** A plan for a goal, proposed by a backend or the offline planner, waiting for review. */
export const goalPlans = sqliteTable(
  'goal_plans',
  {
    id: text('id').primaryKey(),
    goalId: text('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    /** draft | accepted | discarded */
    status: text('status').notNull(),
    provider: text('provider').notNull(),
    /** JSON array of { title, estimateMinutes, notes }. */
    steps: text('steps').notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [index('goal_plans_goal_idx').on(t.goalId, t.createdAt)],
);

/** Thoughts related to a goal by meaning: suggested, then linked or dismissed by the person. */
export const goalThoughts = sqliteTable(
  'goal_thoughts',
  {
    goalId: text('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    thoughtId: text('thought_id')
      .notNull()
      .references(() => thoughts.id, { onDelete: 'cascade' }),
    /** suggested | linked | dismissed */
    status: text('status').notNull(),
    similarity: real('similarity').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.thoughtId] }), index('goal_thoughts_thought_idx').on(t.thoughtId)],
);
