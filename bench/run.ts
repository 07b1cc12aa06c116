/**
 * `npm run bench`: builds or reuses the corpora, then measures capture latency, keyword search,
 * browser-mode cold start and server memory, then local intelligence (embedding speed, hybrid
 * search, other engines, an import being indexed), and writes bench/RESULTS.md and results.json.
 * BENCH_SIZES=0,100000 restricts the corpus sizes (default 0, 100000, 1000000);
 * BENCH_HYBRID_SIZES the hybrid-search and engine sizes (default 10000, 100000, 1000000);
 * BENCH_IMPORT_SIZE the import that is indexed (default 100000; 0 skips it).
 * BENCH_ONLY=checks (or renderer) measures only that section, into the existing results.
 */
import { mkdirSync, readFileSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { measureCaptureLatency } from './capture-latency';
import { measureEmbeddingThroughput } from './embedding-throughput';
import { measureEngines } from './engines';
import { ensureFullModel, tokenizerAvailable, TOKENIZER_DIR } from './full-model';
import { measureHybridSearch } from './hybrid-search';
import { measureIndexingApart } from './indexing-child';
import { ensureVectorCorpus, vectorSetFor, vectorWorkingCopy } from './vector-corpus';
import { chromiumAvailable, launchBrowser, measureColdStart } from './cold-start';
import { measureCheckDuration } from './check-duration';
import { measureRenderer } from './renderer';
import { DATA_DIR, REPO_ROOT, ensureCorpus, workingCopy } from './corpus';
import { diagnoseQueries } from './diagnose';
import { describeCommit, describeMachine } from './machine';
import { writeResults, type BenchResults } from './report';
import { measureRss } from './rss';
import { serverEntry } from './server-process';
import { measureSearchLatency } from './search-latency';

const DEFAULT_SIZES = [0, 100_000, 1_000_000];
const DEFAULT_HYBRID_SIZES = [10_000, 100_000, 1_000_000];
const DEFAULT_IMPORT_SIZE = 100_000;
/** Measured: ~1.35 KB per thought (text, FTS5 with prefix indexes, event, tags). */
const BYTES_PER_THOUGHT = 1_500;
const COLD_START_SIZES = new Set([0, 100_000]);
const DIAGNOSED_QUERIES = ['zhartloutcrut', 'the', 'that', 'meeting', 'meeting ', 'th', 'pro'];

function parseSizes(value: string | undefined, fallback = DEFAULT_SIZES, name = 'BENCH_SIZES'): number[] {
  if (value === undefined || value.trim() === '') return fallback;
  const sizes = value.split(',').map((part) => Number(part.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 0)) throw new Error(`${name} must be whole numbers, not "${value}"`);
  return [...new Set(sizes)].sort((left, right) => left - right);
}

function freeBytes(): number {
  const stats = statfsSync(DATA_DIR);
  return stats.bavail * stats.bsize;
}

function log(line: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function startSection(results: BenchResults, name: string): void {
  const load = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  results.loadAverage[name] = load;
  log(`${name} (load ${load})`);
}

/** The stream, search and bundle as a person's browser sees them, on the 100k corpus. */
async function rendererSection(results: BenchResults, browser: Browser, dataDir: string, size: number): Promise<void> {
  startSection(results, `renderer ${size}`);
  results.renderer = await measureRenderer(browser, dataDir, size, log);
}

const RENDERER_SIZE = 100_000;

/** BENCH_ONLY=checks|renderer re-measures one section alone, keeping the rest of results.json. */
async function onlySection(section: 'checks' | 'renderer'): Promise<void> {
  const results = JSON.parse(readFileSync(join(REPO_ROOT, 'bench', 'results.json'), 'utf8')) as BenchResults;
  if (section === 'checks') {
    startSection(results, 'checks');
    results.checks = await measureCheckDuration(log);
  } else {
    const copy = workingCopy(ensureCorpus(RENDERER_SIZE, undefined, log), 'renderer');
    const browser = await launchBrowser();
    try {
      await rendererSection(results, browser, copy.dir, RENDERER_SIZE);
    } finally {
      await browser.close();
      copy.remove();
    }
  }
  const title = section === 'checks' ? 'Checks' : 'Renderer';
  const remeasured = `${title} section re-measured alone`;
  results.notes = results.notes.filter((note) => !note.startsWith(remeasured));
  results.notes.push(`${remeasured} on ${new Date().toISOString()} at commit \`${describeCommit()}\` (BENCH_ONLY=${section}); every other section is from the full run above.`);
  writeResults(results);
  log(`done: bench/RESULTS.md, bench/results.json (${section} section)`);
}

async function main(): Promise<void> {
  const only = process.env['BENCH_ONLY'];
  if (only === 'checks' || only === 'renderer') return onlySection(only);
  const sizes = parseSizes(process.env['BENCH_SIZES']);
  mkdirSync(DATA_DIR, { recursive: true });
  const results: BenchResults = {
    date: new Date().toISOString(),
    commit: describeCommit(),
    machine: describeMachine(),
    sizes,
    corpora: [],
    capture: {},
    search: {},
    coldStart: {},
    rss: {},
    loadAverage: {},
    intelligence: { throughput: [], hybrid: {}, engines: {}, notes: [] },
    notes: [
      `Server entry: ${serverEntry()}.`,
      'Corpus: seeded synthetic thoughts (5–300 words, log-normal, median ≈ 30, mean ≈ 45), Zipf vocabulary of 4,000 words plus 2,000 rare words (≈ 3% of thoughts carry one), 20% with #tags, 3% archived, 1% trashed, spread over 3 years. Bulk-loaded through the real schema and FTS triggers with synchronous=OFF, then measured through the real openDatabase (WAL, synchronous=FULL). No ANALYZE, as in the app.',
      'Each size runs on a scratch copy of the cached corpus; capture runs last, on top of the corpus. The OS page cache is warm (the corpus was just read or written): cold start is a cold process, not a cold disk.',
      'Percentiles are nearest-rank over the measured samples; warm-up samples are discarded.',
      'Search classes: rare = words from the rare list; common = the 50 most frequent words of length ≥ 2 (function words and everyday note words); prefix = 2–3 letters of a frequent word. Rounds interleave all classes in shuffled order.',
      'Server memory: node out/main/server.js with the corpus as CAIRN_DATA_DIR; the burst is 300 `search.query` calls over HTTP with a bearer token, one at a time.',
    ],
  };
  log(`${(freeBytes() / 1e9).toFixed(1)} GB free under ${DATA_DIR}; sizes ${sizes.join(', ')}`);
  let browser: Browser | undefined;
  try {
    for (const size of sizes) {
      const needed = size * BYTES_PER_THOUGHT * 2.2;
      if (freeBytes() < needed) {
        results.notes.push(`Skipped ${size} thoughts: ${Math.round(freeBytes() / 1e9)} GB free, about ${Math.round(needed / 1e9)} GB needed.`);
        log(`skipping ${size}: not enough disk`);
        continue;
      }
      const corpus = ensureCorpus(size, undefined, log);
      results.corpora.push({ size, megabytes: Math.round(corpus.bytes / 1e6), buildSeconds: corpus.buildSeconds });
      const copy = workingCopy(corpus, 'run');
      try {
        if (size > 0) {
          startSection(results, `search ${size}`);
          results.search[size] = await measureSearchLatency(copy.dir);
        }
        startSection(results, `rss ${size}`);
        results.rss[size] = await measureRss(copy.dir);
        if (COLD_START_SIZES.has(size)) {
          if (chromiumAvailable()) {
            browser ??= await launchBrowser();
            startSection(results, `cold start ${size}`);
            results.coldStart[size] = await measureColdStart(browser, copy.dir);
            if (size === RENDERER_SIZE) await rendererSection(results, browser, copy.dir, size);
          } else {
            results.notes.push('Cold start not measured: /usr/bin/chromium is missing (apt-get install -y chromium).');
          }
        }
        startSection(results, `capture ${size}`);
        results.capture[size] = await measureCaptureLatency(copy.dir);
        if (size === Math.max(...sizes) && size > 0) {
          startSection(results, `diagnosis ${size}`);
          results.diagnosis = { size, ...diagnoseQueries(copy.dir, DIAGNOSED_QUERIES) };
        }
      } finally {
        copy.remove();
      }
      writeResults(results);
      log(`results so far written to bench/RESULTS.md`);
    }
  } finally {
    await browser?.close();
  }
  await measureIntelligence(results);
  writeResults(results);
  startSection(results, 'checks');
  results.checks = await measureCheckDuration(log);
  writeResults(results);
  log('done: bench/RESULTS.md, bench/results.json');
}

/**
 * At a million thoughts LanceDB has no usable vector index here (IVF_PQ with its defaults did
 * not finish in 5 minutes; at 100k it took 141 s for recall@10 0.51) and a flat scan takes
 * seconds a query; Orama needs ~9 minutes and ~9 GB to load. So: Cairn and LanceDB (flat), one
 * round of 40 queries; Orama's load is reported from the development run.
 */
const MILLION_ENGINE_OPTIONS = {
  log,
  engines: ['cairn', 'lancedb'] as const,
  rounds: 1,
  warmupRounds: 0,
  queriesPerRound: 40,
  vectorIndexFrom: Number.POSITIVE_INFINITY,
  budgetSeconds: 600,
  extraNotes: [
    '1M: one round of 40 queries, no warm-up round, LanceDB without IVF_PQ (with its defaults it did not finish building in 5 minutes in development; at 100k it took 141 s and gave recall@10 0.51), so its vector side is a flat scan. Orama left out at 1M: in development (2026-11-29, same machine) loading 1M thoughts took 523 s and 9.3 GB RSS, and no query round finished within 10 minutes.',
  ],
};

/** Issue 3: the full-size model's speed, hybrid search, LanceDB and Orama, an import indexed. */
async function measureIntelligence(results: BenchResults): Promise<void> {
  const intelligence = results.intelligence;
  if (intelligence === undefined) return;
  if (!tokenizerAvailable()) {
    intelligence.notes.push(`Not measured: the MiniLM tokenizer is missing in ${TOKENIZER_DIR} (set BENCH_TOKENIZER_DIR).`);
    return;
  }
  const q8 = ensureFullModel('q8', log);
  const fp32 = ensureFullModel('fp32', log);
  for (const model of [q8, fp32]) {
    startSection(results, `embedding throughput ${model.variant}`);
    intelligence.throughput.push(await measureEmbeddingThroughput(model));
    writeResults(results);
  }
  for (const size of parseSizes(process.env['BENCH_HYBRID_SIZES'], DEFAULT_HYBRID_SIZES, 'BENCH_HYBRID_SIZES').filter((each) => each > 0)) {
    const corpus = ensureCorpus(size, undefined, log);
    const vectors = await ensureVectorCorpus(corpus, q8, log);
    const set = vectorSetFor(size, log);
    const copy = vectorWorkingCopy(vectors, 'hybrid');
    try {
      startSection(results, `hybrid search ${size}`);
      intelligence.hybrid[size] = await measureHybridSearch(copy.dir, q8, set);
    } finally {
      copy.remove();
    }
    startSection(results, `engines ${size}`);
    intelligence.engines[size] = await measureEngines(size, size >= 1_000_000 ? MILLION_ENGINE_OPTIONS : { log });
    writeResults(results);
  }
  const importSize = parseSizes(process.env['BENCH_IMPORT_SIZE'], [DEFAULT_IMPORT_SIZE], 'BENCH_IMPORT_SIZE')[0] ?? 0;
  if (importSize > 0) {
    startSection(results, `import indexing ${importSize}`);
    intelligence.indexing = await measureIndexingApart(importSize, log);
  }
}

await main();
