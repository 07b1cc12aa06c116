import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../db/open-database';
import { createEmbedder } from '../embeddings/embedder';
import { locateBundledModels } from '../embeddings/model-resolver';
import type { Logger } from '../logger';
import type { SettingsService } from '../settings/settings-service';
import { createVectorStore, type VectorStore } from '../vectors/vector-store';
import type { EmbedderPort, VectorStorePort } from './ports';

/** How the index opens models and vector stores (tests and benchmarks can pass their own). */
export interface Intelligence {
  openEmbedder(modelId: string): EmbedderPort;
  openVectorStore(db: Database, key: string, dimension: number): VectorStorePort;
}

export interface DefaultIntelligenceOptions {
  dataDir: string;
  settings: SettingsService;
  logger: Logger;
  /** Electron's process.resourcesPath when packaged. */
  resourcesPath?: string;
  /** The model hub (tests point it at a local server). */
  remoteHost?: string;
}

/**
 * Models from resources/models (bundled) or <dataDir>/models (imported or downloaded once, when
 * the person allows it), run in a worker thread; vectors in the same SQLite file.
 */
export function defaultIntelligence(options: DefaultIntelligenceOptions): Intelligence {
  const modelsDirs = {
    bundled: locateBundledModels(import.meta.url, options.resourcesPath),
    user: join(options.dataDir, 'models'),
  };
  return {
    openEmbedder: (modelId) =>
      createEmbedder({
        modelId,
        modelsDirs,
        allowDownload: options.settings.get().allowModelDownload,
        remoteHost: options.remoteHost ?? process.env['CAIRN_MODEL_HOST'],
        logger: options.logger,
      }),
    openVectorStore: (db, key, dimension) => vectorStorePort(createVectorStore(db.sqlite, { modelKey: key, dimension }), db.sqlite),
  };
}

/** The vector store as the index uses it: similarities, and the trash never in results. */
export function vectorStorePort(store: VectorStore, sqlite: BetterSqlite3.Database): VectorStorePort {
  // One query per batch of candidates, not one per candidate (a search sees ~4,000 of them).
  // CROSS JOIN fixes the order: each candidate looked up by seq, never a walk over thoughts.
  const notTrashed = sqlite.prepare('SELECT t.seq FROM json_each(?) AS j CROSS JOIN thoughts AS t ON t.seq = j.value WHERE t.deleted_at IS NULL').pluck();
  const outsideTrash = (seqs: readonly number[]) => notTrashed.all(JSON.stringify(seqs)) as number[];
  return {
    upsert: (seq, vector) => store.upsert(seq, vector),
    remove: (seq) => void store.remove(seq),
    nearest: (query, k, filter, candidates) =>
      store.search(query, k, { filter: filter ?? outsideTrash, candidates }).map((hit) => ({ seq: hit.seq, similarity: 1 - hit.distance })),
    vectorOf: (seq) => store.get(seq),
    drop: () => store.drop(),
  };
}
