import { statSync } from 'node:fs';
import type { Diagnostics, EmbeddingModelStatus, IndexStatus, ProviderCheck } from '../../../src-shared/contract';
import type { Clock } from '../clock';
import type { Database } from '../db/open-database';
import { queueDepthByKind, trashedThoughtCount } from '../db/repositories/diagnostics';
import { embeddingCounts, embeddingModels } from '../db/repositories/embeddings';
import type { EmbedderState } from '../indexing/ports';
import type { Throughput } from '../jobs/throughput';
import type { RecentErrors } from './recent-errors';

/** A local backend gets this long to answer: diagnostics must open quickly even when Ollama hangs. */
export const DIAGNOSTIC_PROBE_MS = 1_500;

/** Embedder reasons that mean "there is no model" rather than "the model is broken". */
const MISSING_REASONS = new Set(['not_installed', 'download_disabled']);

export interface DiagnosticsServiceDeps {
  db: Database;
  clock: Clock;
  version: string;
  startedAt: number;
  dataFolder: string;
  /** Null when this process writes no log files. */
  logFolder: string | null;
  /** Absent where nothing is indexed (the one-shot CLI). */
  index: { status(): IndexStatus; model(): { id: string; state: EmbedderState } } | undefined;
  /** The model chosen in settings, for a process that indexes nothing. */
  chosenModel(): string;
  isPaused(): boolean;
  throughput: Throughput;
  recentErrors: RecentErrors;
  /** Health of the AI backends without contacting remote ones. */
  providers(probeTimeoutMs: number): Promise<ProviderCheck[]>;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function describeModel(id: string, state: EmbedderState): EmbeddingModelStatus {
  switch (state.state) {
    case 'ready':
      return { id, state: 'loaded', revision: state.model.revision, dimension: state.model.dimension, message: null };
    case 'loading':
      return { id, state: 'loading', revision: null, dimension: null, message: null };
    case 'unavailable':
      return {
        id,
        state: state.reason === undefined || MISSING_REASONS.has(state.reason) ? 'missing' : 'failed',
        revision: null,
        dimension: null,
        message: state.message,
      };
  }
}

/** What `system.diagnostics` reports; reads only this machine (local probes, files, SQLite). */
export function createDiagnosticsService(deps: DiagnosticsServiceDeps) {
  const { db, clock } = deps;
  return {
    async diagnostics(): Promise<Diagnostics> {
      const now = clock.now();
      const kinds = queueDepthByKind(db.sqlite);
      const total = (state: 'pending' | 'running' | 'failed') => kinds.reduce((sum, kind) => sum + kind[state], 0);
      // Without an index service here, count against the model whose vectors answer searches.
      const index = deps.index?.status() ?? embeddingCounts(db.sqlite, embeddingModels(db.sqlite).findLast((row) => row.state === 'active')?.model_key);
      const model = deps.index?.model();
      const providers = await deps.providers(DIAGNOSTIC_PROBE_MS);
      return {
        app: { version: deps.version, schemaVersion: db.schemaVersion, uptimeMs: Math.max(0, Math.round(now - deps.startedAt)), platform: process.platform },
        storage: {
          dataFolder: deps.dataFolder,
          databasePath: db.path,
          databaseBytes: fileSize(db.path),
          walBytes: fileSize(`${db.path}-wal`),
          logFolder: deps.logFolder,
        },
        thoughts: { total: index.total, inTrash: trashedThoughtCount(db.sqlite), embedded: index.embedded },
        queue: { kinds, pending: total('pending'), running: total('running'), failed: total('failed') },
        indexing: {
          paused: deps.isPaused(),
          waiting: Math.max(0, index.total - index.embedded),
          jobsPerMinute: round(deps.throughput.perMinute(now, deps.startedAt)),
          rateWindowMinutes: deps.throughput.windowMs / 60_000,
        },
        embeddingModel:
          model === undefined
            ? { id: deps.chosenModel(), state: 'not_running', revision: null, dimension: null, message: 'This process does not index thoughts; the app and the server do.' }
            : describeModel(model.id, model.state),
        providers,
        recentErrors: deps.recentErrors.entries(),
      };
    },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export type DiagnosticsService = ReturnType<typeof createDiagnosticsService>;
