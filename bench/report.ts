/** Writes bench/results.json (raw) and bench/RESULTS.md (tables, targets marked met or MISSED). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaptureResult } from './capture-latency';
import type { ColdStartResult } from './cold-start';
import { REPO_ROOT } from './corpus';
import type { QueryDiagnosis } from './diagnose';
import type { MachineInfo } from './machine';
import type { CheckBenchResult } from './check-duration';
import { renderChecks } from './report-checks';
import { renderRenderer } from './report-renderer';
import type { RendererBenchResult } from './renderer';
import { renderIntelligence, type IntelligenceResults } from './report-intelligence';
import type { RssResult } from './rss';
import { QUERY_CLASSES, type SearchResult } from './search-latency';

export interface BenchResults {
  date: string;
  commit: string;
  machine: MachineInfo;
  sizes: number[];
  corpora: { size: number; megabytes: number; buildSeconds: number | null }[];
  capture: Record<string, CaptureResult>;
  search: Record<string, SearchResult>;
  coldStart: Record<string, ColdStartResult>;
  rss: Record<string, RssResult>;
  /** 1-minute load average when each section started: the machine is shared. */
  loadAverage: Record<string, number>;
  diagnosis?: { size: number; plans: Record<string, string[]>; queries: QueryDiagnosis[] };
  intelligence?: IntelligenceResults;
  checks?: CheckBenchResult;
  renderer?: RendererBenchResult;
  notes: string[];
}

export const TARGETS = { captureP99Ms: 10, searchP95Ms: 30, coldStartMs: 1_500 } as const;
const TARGET_SIZE = 1_000_000;

export function writeResults(results: BenchResults): void {
  writeFileSync(join(REPO_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(REPO_ROOT, 'bench', 'RESULTS.md'), renderMarkdown(results));
}

function label(size: number | string): string {
  const value = Number(size);
  if (value === 0) return 'empty';
  return value >= 1_000_000 ? `${value / 1_000_000}M` : `${value / 1_000}k`;
}

function verdict(value: number, limit: number, applies: boolean): string {
  if (!applies) return '';
  return value <= limit ? ' (met)' : ` **MISSED** (${ms(value)} > ${limit})`;
}

function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '–';
}

export function renderMarkdown(results: BenchResults): string {
  const { machine } = results;
  const lines: string[] = [
    '# Cairn benchmarks',
    '',
    `Measured ${results.date} at commit \`${results.commit}\` with \`npm run bench\` (sizes: ${results.sizes.map(label).join(', ')}).`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, ${machine.os} (Linux ${machine.kernel}), ` +
      `Node ${machine.node}, SQLite ${machine.sqlite}. The machine is shared with other work; numbers vary run to run.`,
    '',
    'Targets (at 1M thoughts): capture p99 ≤ 10 ms, keyword search p95 ≤ 30 ms, browser cold start ≤ 1.5 s.',
    '',
    '## Corpora',
    '',
    '| thoughts | database size | build time |',
    '|---:|---:|---:|',
    ...results.corpora.map(
      (corpus) =>
        `| ${label(corpus.size)} | ${corpus.megabytes} MB | ${corpus.buildSeconds === null ? 'cached' : `${corpus.buildSeconds.toFixed(0)} s`} |`,
    ),
    '',
    '## 1. Capture → durable (`thoughts.capture` via the dispatcher, synchronous=FULL, FTS + event + 2 job rows)',
    '',
    '| stored thoughts | samples (warm-up) | p50 ms | p99 ms | max ms | mean ms |',
    '|---:|---:|---:|---:|---:|---:|',
    ...Object.entries(results.capture).map(
      ([size, capture]) =>
        `| ${label(size)} | ${capture.samples} (${capture.warmup}) | ${ms(capture.p50)} | ${ms(capture.p99)}${verdict(capture.p99, TARGETS.captureP99Ms, Number(size) === TARGET_SIZE)} | ${ms(capture.max)} | ${ms(capture.mean)} |`,
    ),
    '',
    '## 2. Keyword search (`search.query`, limit 20, active scope)',
    '',
    '| stored thoughts | class | samples (distinct queries) | p50 ms | p95 ms | max ms | mean hits | slowest query |',
    '|---:|---|---:|---:|---:|---:|---:|---|',
    ...Object.entries(results.search).flatMap(([size, search]) =>
      QUERY_CLASSES.map((kind) => {
        const row = search[kind];
        return `| ${label(size)} | ${kind} | ${row.samples} (${row.distinctQueries}) | ${ms(row.p50)} | ${ms(row.p95)}${verdict(row.p95, TARGETS.searchP95Ms, Number(size) === TARGET_SIZE)} | ${ms(row.max)} | ${row.meanHits} | \`${row.slowest.query}\` ${ms(row.slowest.ms)} ms |`;
      }),
    ),
    '',
    'Example queries — ' +
      QUERY_CLASSES.map((kind) => `${kind}: ${Object.values(results.search)[0]?.[kind].examples.map((query) => `\`${query}\``).join(', ') ?? '–'}`).join('; ') +
      '. Typed without a trailing space, so the last word also matches as a prefix, as in the app.',
    '',
    '## 3. Browser-mode cold start (spawn `node out/main/server.js --port 0` → login link in headless Chromium → capture textbox visible and enabled)',
    '',
    '| data | measured to | runs (warm-up) | median ms | max ms | server listening, median ms |',
    '|---|---|---:|---:|---:|---:|',
    ...Object.entries(results.coldStart).map(
      ([size, cold]) =>
        `| ${label(size)} | ${cold.endpoint}${cold.runs[0]?.textboxPlaceholder ? ` (placeholder "${cold.runs[0].textboxPlaceholder}")` : ''} | ${cold.runs.length} (${cold.warmupRuns}) | ${ms(cold.medianMs)}${verdict(cold.medianMs, TARGETS.coldStartMs, true)} | ${ms(cold.maxMs)} | ${ms(cold.medianListeningMs)} |`,
    ),
    '',
    '## 4. Server memory (VmRSS, 2 s after start and 2 s after a search burst over HTTP)',
    '',
    '| stored thoughts | idle after start MiB | idle after burst MiB | peak (VmHWM) MiB | burst queries |',
    '|---:|---:|---:|---:|---:|',
    ...Object.entries(results.rss).map(
      ([size, rss]) =>
        `| ${label(size)} | ${rss.idleAfterStartMiB} | ${rss.idleAfterSearchBurstMiB} | ${rss.peakMiB} | ${rss.burstQueries} (${rss.burstFailures} failed) |`,
    ),
    '',
    ...renderDiagnosis(results.diagnosis),
    ...renderIntelligence(results.intelligence),
    ...renderChecks(results.checks),
    ...renderRenderer(results.renderer),
    '## Notes',
    '',
    ...results.notes.map((note) => `- ${note}`),
    `- 1-minute load average (${machine.cores} cores) when each section started: ${Object.entries(results.loadAverage)
      .map(([section, load]) => `${section} ${load}`)
      .join(', ')}.`,
    '',
  ];
  return lines.join('\n');
}

function renderDiagnosis(diagnosis: BenchResults['diagnosis']): string[] {
  if (diagnosis === undefined) return [];
  return [
    `## Where search time goes (${label(diagnosis.size)} thoughts; each statement of src-main/core/db/repositories/search.ts timed alone, median of 5, ms)`,
    '',
    '| query | MATCH | matches | ranked by bm25 | keywordSearch | window scan, no bm25 | bm25 on 1 row | snippets for 20 rows |',
    '|---|---|---:|---|---:|---:|---:|---:|',
    ...diagnosis.queries.map(
      (row) =>
        `| \`${row.query}\` | \`${row.match}\` | ${row.matches} | ${row.ranked ? 'yes' : 'no (newest first)'} | ${ms(row.keywordSearchMs)} | ${ms(row.windowScanWithoutBm25Ms)} | ${ms(row.bm25OnOneRowMs)} | ${ms(row.snippetsMs)} |`,
    ),
    '',
    ...Object.entries(diagnosis.plans).flatMap(([name, details]) => [`Query plan, ${name}: ${details.map((detail) => `\`${detail}\``).join(' → ')}`, '']),
  ];
}
