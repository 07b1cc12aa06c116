import { z } from 'zod';
import { thoughtTypes, type ThoughtType } from '../../../src-shared/contract';
import type { Clock } from '../clock';
import type { Database } from '../db/open-database';
import { addAutoTags, newestTagId, tagsForThoughts, tagVocabulary } from '../db/repositories/tags';
import { findThoughtById, findThoughtsBySeq, type ThoughtRow } from '../db/repositories/thoughts';
import type { EventBus } from '../events/event-bus';
import type { VectorStorePort, EmbedderPort } from '../indexing/ports';
import type { JobProcessor } from '../jobs/job-queue';
import type { BackgroundTurns } from '../jobs/background-turns';
import type { Logger } from '../logger';
import type { SettingsService } from '../settings/settings-service';
import { createTimeZoneReader } from '../settings/time-zone';
import type { SuggestionService } from '../suggestions/suggestion-service';
import type { ThoughtService } from '../thoughts/thought-service';
import { classifyThought, TYPE_PROTOTYPES, type EmbeddingEvidence } from '../understanding/classify';
import { suggestTags } from '../understanding/auto-tags';
import { extractTasks } from '../understanding/task-extract';

/** Neighbours whose tags vote on a new thought's tags. */
const TAG_NEIGHBOURS = 8;
/** Scored exactly to find them: approximate neighbours vote as well, at a quarter of the cost. */
const TAG_CANDIDATES = 100;
const VOCABULARY_MAX_AGE_MS = 5 * 60_000;

export interface AnalyzerDeps {
  db: Database;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  thoughts: ThoughtService;
  suggestions: SuggestionService;
  settings: SettingsService;
  /** Each reading and each neighbour search is one slice of the main thread. */
  turns: BackgroundTurns;
}

/**
 * Reads a thought offline and deterministically: its type, the tasks in it, and tags from the
 * person's own vocabulary. Runs twice per new or edited thought: right after capture from the
 * words alone (`analyze` job), and again once its vector exists, adding what meaning tells
 * (prototype types, the tags of similar thoughts).
 */
export function createAnalyzer(deps: AnalyzerDeps) {
  const { db, clock, bus, thoughts, suggestions, settings, turns } = deps;
  const { sqlite } = db;
  const prototypeCache = new Map<string, Promise<Record<ThoughtType, Float32Array[]>>>();

  const timeZone = createTimeZoneReader(settings, clock);

  // The counts only rank keyword matches, so a copy a few minutes old serves; a new tag name
  // (max(id) moved) is picked up at once.
  let vocabulary = { rows: [] as { name: string; count: number }[], readAt: -Infinity, newest: -1 };
  function currentVocabulary(): { name: string; count: number }[] {
    const newest = newestTagId(sqlite);
    const now = clock.now();
    if (newest !== vocabulary.newest || now - vocabulary.readAt > VOCABULARY_MAX_AGE_MS) vocabulary = { rows: tagVocabulary(sqlite), readAt: now, newest };
    return vocabulary.rows;
  }

  function userTagsOf(seq: number): string[] {
    return (tagsForThoughts(sqlite, [seq]).get(seq) ?? []).filter((tag) => tag.kind === 'user').map((tag) => tag.name);
  }

  function applyTags(row: ThoughtRow, neighbours: { tags: string[]; similarity: number }[]): void {
    if (!settings.get().autoTagging) return;
    const found = suggestTags({ text: row.text, existingTags: currentVocabulary(), neighbours, userTags: userTagsOf(row.seq) });
    if (found.length === 0) return;
    const added = sqlite.transaction(() => addAutoTags(sqlite, row.seq, found, clock.now())).immediate();
    if (added.length > 0) bus.emit('thoughts.changed', { ids: [row.id], reason: 'analyzed' });
  }

  // One transaction for the type, the suggestions and the tags. It commits with an fsync like
  // every write: unsynced background commits made each capture's fsync flush them too
  // (bench/FINDINGS.md, capture while indexing).
  const analyze = (row: ThoughtRow, evidence: EmbeddingEvidence | undefined, neighbours: { tags: string[]; similarity: number }[]): void => {
    sqlite.transaction(() => analyzeWithin(row, evidence, neighbours)).immediate();
  };

  function analyzeWithin(row: ThoughtRow, evidence: EmbeddingEvidence | undefined, neighbours: { tags: string[]; similarity: number }[]) {
    const classification = classifyThought(row.text, evidence);
    if (row.type_locked === 0) thoughts.classify(row.id, classification.type, row.text);
    const current = settings.get();
    const tasks = extractTasks(row.text, { reference: new Date(row.created_at), timeZone: timeZone(), classification });
    suggestions.offer(row.id, tasks, { mode: current.suggestionMode, autoCreateThreshold: current.autoCreateThreshold });
    applyTags(row, neighbours);
  }

  function neighboursOf(item: { seq: number; vector: Float32Array }, store: VectorStorePort): { tags: string[]; similarity: number }[] {
    const near = store.nearest(item.vector, TAG_NEIGHBOURS + 1, undefined, TAG_CANDIDATES).filter((hit) => hit.seq !== item.seq);
    const tags = tagsForThoughts(
      sqlite,
      near.map((hit) => hit.seq),
    );
    return near.map((hit) => ({
      similarity: Math.max(0, hit.similarity),
      tags: (tags.get(hit.seq) ?? []).filter((tag) => tag.kind === 'user').map((tag) => tag.name),
    }));
  }

  function analyzeNow(thoughtId: string): void {
    const row = findThoughtById(sqlite, thoughtId);
    if (row !== undefined && row.deleted_at === null) analyze(row, undefined, []);
  }

  async function prototypesFor(key: string, embedder: EmbedderPort): Promise<Record<ThoughtType, Float32Array[]>> {
    let cached = prototypeCache.get(key);
    if (cached === undefined) {
      cached = (async () => {
        const entries = await Promise.all(
          thoughtTypes.map(async (type) => [type, await embedder.embed(TYPE_PROTOTYPES[type], 'passage')] as const),
        );
        return Object.fromEntries(entries) as Record<ThoughtType, Float32Array[]>;
      })();
      prototypeCache.set(key, cached);
      cached.catch(() => prototypeCache.delete(key));
    }
    return cached;
  }

  return {
    /** The `analyze` job: words only, right after capture or an edit. */
    processor: {
      kind: 'analyze',
      payloadSchema: z.object({ thoughtId: z.string() }),
      async process({ thoughtId }) {
        await turns.slice(() => analyzeNow(thoughtId));
      },
      // Inside the job runner's slice and transaction: claim, read, complete in one commit.
      runInline: ({ thoughtId }) => analyzeNow(thoughtId),
    } satisfies JobProcessor<{ thoughtId: string }>,

    /** After fresh vectors were stored: the same reading, now with meaning. */
    async withVectors(
      items: readonly { seq: number; vector: Float32Array }[],
      store: VectorStorePort,
      embedder: EmbedderPort,
      key: string,
    ): Promise<void> {
      const prototypes = await prototypesFor(key, embedder);
      for (const item of items) {
        const neighbours = await turns.slice(() => {
          const [row] = findThoughtsBySeq(sqlite, [item.seq]);
          return row === undefined || row.deleted_at !== null ? undefined : neighboursOf(item, store);
        });
        if (neighbours === undefined) continue;
        // The search and the reading are each a few milliseconds at a million thoughts: a slice each.
        await turns.slice(() => {
          const [fresh] = findThoughtsBySeq(sqlite, [item.seq]);
          if (fresh !== undefined && fresh.deleted_at === null) analyze(fresh, { vector: item.vector, prototypes }, neighbours);
        });
      }
    },
  };
}

export type Analyzer = ReturnType<typeof createAnalyzer>;
