import type { Diagnostics, EmbeddingModelStatus, ProviderCheck, QueueDepth } from '../../../src-shared/contract';

const whole = new Intl.NumberFormat(undefined);
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "1,234". */
export function formatCount(value: number): string {
  return whole.format(value);
}

/** "512 bytes", "12.3 KB", "4.5 MB", "1.2 GB" (1 KB = 1,024 bytes, as file managers count). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${whole.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${oneDecimal.format(value)} ${units[unit] ?? 'TB'}`;
}

/** "3 days 2 h", "2 h 5 min", "4 min", "under a minute". */
export function formatUptime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'} ${hours % 24} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return `${minutes} min`;
}

/** "12.5 a minute", for the jobs finished over the last few minutes. */
export function formatRate(perMinute: number, windowMinutes: number): string {
  return `${oneDecimal.format(perMinute)} jobs a minute (last ${whole.format(windowMinutes)} min)`;
}

const KIND_NAMES: Record<string, string> = {
  embed: 'Vectors for search by meaning',
  analyze: 'Reading thoughts for type, tags and tasks',
};

export function kindName(kind: string): string {
  return KIND_NAMES[kind] ?? kind;
}

export function describeQueue(kinds: readonly QueueDepth[]): string {
  return kinds.map((kind) => `${kindName(kind.kind)}: ${formatCount(kind.pending)} waiting, ${formatCount(kind.running)} running, ${formatCount(kind.failed)} failed`).join('\n');
}

const MODEL_STATES: Record<EmbeddingModelStatus['state'], string> = {
  loaded: 'Loaded',
  loading: 'Loading…',
  missing: 'Not installed',
  failed: 'Could not be loaded',
  not_running: 'Not used here',
};

/** "Loaded · 384 dimensions". */
export function describeModel(model: EmbeddingModelStatus): string {
  const state = MODEL_STATES[model.state];
  return model.dimension === null ? state : `${state} · ${formatCount(model.dimension)} dimensions`;
}

export const PROVIDER_NAMES: Record<ProviderCheck['id'], string> = {
  ollama: 'Ollama (on this computer)',
  claude: 'Claude (Anthropic, over the internet)',
  offline: 'Offline (no model)',
};

const PROVIDER_STATES: Record<ProviderCheck['state'], string> = {
  ok: 'Working',
  down: 'Not working',
  not_configured: 'Not set up',
  resting: 'Resting after failures',
  not_checked: 'Not contacted',
};

export function describeProvider(provider: ProviderCheck): string {
  return `${PROVIDER_STATES[provider.state]}${provider.enabled ? '' : ' · not in use'}`;
}

/**
 * The whole report as plain text, to paste into an email or an issue. It holds paths, counts and
 * states; never a thought (the diagnostics carry none).
 */
export function reportText(report: Diagnostics, formatTime: (iso: string) => string): string {
  const { app, storage, thoughts, queue, indexing, embeddingModel, providers, recentErrors } = report;
  const lines = [
    `Cairn ${app.version} (database schema ${app.schemaVersion}) on ${app.platform}, running for ${formatUptime(app.uptimeMs)}`,
    '',
    'Storage',
    `  Data folder: ${storage.dataFolder}`,
    `  Database: ${storage.databasePath}`,
    `  Database size: ${formatBytes(storage.databaseBytes)} + ${formatBytes(storage.walBytes)} write-ahead log (-wal)`,
    `  Log folder: ${storage.logFolder ?? 'none (this process writes no log files)'}`,
    '',
    'Thoughts and indexing',
    `  Thoughts: ${formatCount(thoughts.total)} (${formatCount(thoughts.inTrash)} in the trash), ${formatCount(thoughts.embedded)} with vectors`,
    `  Indexing: ${indexing.paused ? 'paused' : 'running'}, ${formatCount(indexing.waiting)} waiting, ${formatRate(indexing.jobsPerMinute, indexing.rateWindowMinutes)}`,
    `  Queue: ${formatCount(queue.pending)} waiting, ${formatCount(queue.running)} running, ${formatCount(queue.failed)} failed`,
    ...(queue.kinds.length === 0 ? [] : describeQueue(queue.kinds).split('\n').map((line) => `    ${line}`)),
    '',
    'Embedding model',
    `  ${embeddingModel.id}: ${describeModel(embeddingModel)}${embeddingModel.message === null ? '' : ` — ${embeddingModel.message}`}`,
    '',
    'AI backends',
    ...providers.map((provider) => `  ${PROVIDER_NAMES[provider.id]}: ${describeProvider(provider)}${provider.message === null ? '' : ` — ${provider.message}`}`),
    '',
    'Recent problems',
    ...(recentErrors.length === 0
      ? ['  None since Cairn started.']
      : recentErrors.map((entry) => `  ${formatTime(entry.time)} ${entry.level} ${entry.event}${entry.count > 1 ? ` (×${entry.count})` : ''}: ${entry.message}`)),
  ];
  return `${lines.join('\n')}\n`;
}
