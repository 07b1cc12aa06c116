/**
 * The renderer, measured in headless Chromium against the built app in browser mode on a 100k
 * corpus: bundle sizes (what first paint loads vs. what loads with each view), first paint,
 * scrolling the virtualized stream deep into 100k thoughts, and how soon search results are
 * painted after their response arrives.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { REPO_ROOT } from './corpus';
import { BENCH_TOKEN, startServer } from './server-process';
import { median, round, summarize, type LatencySummary } from './stats';

const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded by index.html itself (first paint waits for it); otherwise loaded with a view. */
  initial: boolean;
}

export interface RendererBenchResult {
  corpus: number;
  bundle: { files: BundleFile[]; initialBytes: number; initialGzipBytes: number; totalBytes: number; totalGzipBytes: number };
  firstPaint: {
    runs: number;
    firstContentfulPaintMs: number;
    streamVisibleMs: number;
    maxStreamVisibleMs: number;
    /** Cumulative Layout Shift while the page loads its lists (0 = nothing moved), worst run. */
    layoutShift: number;
  };
  scroll: {
    seconds: number;
    thoughtsReached: number;
    frames: LatencySummary;
    /** Frames that took longer than two 60 Hz frames (a visible stutter). */
    longFrames: number;
    totalFrames: number;
    /** List rows in the DOM at the end: virtualization keeps this small whatever was loaded. */
    rowsInDom: number;
  };
  searchPaint: { queries: number; responseToPaintMs: LatencySummary; withinOneFrame: number };
  notes: string[];
}

/** Every JS and CSS asset, and whether index.html pulls it in before anything is shown. */
export function bundleSizes(): RendererBenchResult['bundle'] {
  const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
  const initialRefs = new Set([...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((match) => match[1]));
  const files = readdirSync(join(RENDERER_DIR, 'assets'))
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => {
      const path = join(RENDERER_DIR, 'assets', file);
      return { file, bytes: statSync(path).size, gzipBytes: gzipSync(readFileSync(path)).length, initial: initialRefs.has(`assets/${file}`) };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.bytes - a.bytes);
  const sum = (list: BundleFile[], key: 'bytes' | 'gzipBytes') => list.reduce((total, file) => total + file[key], 0);
  const initial = files.filter((file) => file.initial);
  return { files, initialBytes: sum(initial, 'bytes'), initialGzipBytes: sum(initial, 'gzipBytes'), totalBytes: sum(files, 'bytes'), totalGzipBytes: sum(files, 'gzipBytes') };
}

/**
 * Opens Cairn as a person who signed in before (the token in localStorage, as the sign-in
 * link leaves it), in a fresh browser context: nothing cached.
 */
async function openCairn(
  browser: Browser,
  url: string,
): Promise<{ page: Page; close(): Promise<void>; streamVisibleMs: number; fcpMs: number; layoutShift: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((token) => window.localStorage.setItem('cairn.sessionToken', token), BENCH_TOKEN);
  // tsx names the functions passed to page.evaluate with a helper the page lacks.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  // Every layout shift from the first byte on (Layout Instability API), summed as CLS is.
  await context.addInitScript({
    content:
      "globalThis.__cairnShift = 0; new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) globalThis.__cairnShift += entry.value; }).observe({ type: 'layout-shift', buffered: true });",
  });
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(url);
  await page.getByRole('list', { name: 'Thoughts' }).getByRole('link').first().waitFor({ state: 'visible', timeout: 60_000 });
  const streamVisibleMs = Date.now() - started;
  const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
  // Let late answers (index status, suggestions count) land before reading the shifts.
  await page.waitForTimeout(1_000);
  const layoutShift = await page.evaluate(() => (globalThis as unknown as { __cairnShift: number }).__cairnShift);
  return { page, streamVisibleMs, fcpMs, layoutShift, close: () => context.close() };
}

/** Scrolls the stream at a steady speed, loading pages as it goes, and records every frame. */
async function scrollStream(page: Page, seconds: number): Promise<RendererBenchResult['scroll']> {
  const measured = await page.evaluate(async (durationMs) => {
    const scroller = document.querySelector<HTMLElement>('.timeline-scroll');
    if (scroller === null) throw new Error('no .timeline-scroll');
    const frames: number[] = [];
    let last = performance.now();
    const end = last + durationMs;
    await new Promise<void>((resolve) => {
      const step = (now: number) => {
        frames.push(now - last);
        last = now;
        // 4,000 px a second: a brisk fling, kept up for the whole run.
        scroller.scrollTop += (frames.at(-1) ?? 16) * 4;
        if (now < end) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    const indexes = [...scroller.querySelectorAll<HTMLElement>('[data-index]')].map((row) => Number(row.dataset['index']));
    return { frames: frames.slice(1), reached: Math.max(...indexes) + 1, rows: indexes.length };
  }, seconds * 1000);
  return {
    seconds,
    thoughtsReached: measured.reached,
    frames: summarize(measured.frames),
    longFrames: measured.frames.filter((frame) => frame > 2 * FRAME_MS).length,
    totalFrames: measured.frames.length,
    rowsInDom: measured.rows,
  };
}

/**
 * Types queries and times, in the page, from the last byte of each search.query response
 * (Resource Timing) to the animation frame after the results list shows the answer (the frame
 * that paints it).
 */
async function searchPaint(page: Page, queries: readonly string[]): Promise<RendererBenchResult['searchPaint']> {
  const search = page.getByRole('searchbox', { name: 'Search thoughts' });
  const samples: number[] = [];
  for (const query of queries) {
    await page.evaluate(() => performance.clearResourceTimings());
    const painted = page.evaluate(
      (expected) =>
        new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            const status = document.querySelector('#search-results [role="status"]')?.textContent ?? '';
            if (!status.includes(expected)) return;
            observer.disconnect();
            requestAnimationFrame((frameTime) => resolve(frameTime));
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
      query,
    );
    await search.fill(query);
    const paintedAt = await painted;
    const responseEnd = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('search.query'));
      return (entries.at(-1) as PerformanceResourceTiming | undefined)?.responseEnd ?? Number.NaN;
    });
    samples.push(Math.max(0, paintedAt - responseEnd));
    await search.fill('');
  }
  const valid = samples.filter((sample) => Number.isFinite(sample));
  return { queries: valid.length, responseToPaintMs: summarize(valid), withinOneFrame: valid.filter((sample) => sample <= FRAME_MS).length };
}

const QUERIES = ['garden', 'meeting', 'river', 'call', 'idea', 'book', 'sleep', 'project', 'walk', 'music', 'coffee', 'plan'];

export async function measureRenderer(browser: Browser, dataDir: string, corpus: number, log: (line: string) => void): Promise<RendererBenchResult> {
  const bundle = bundleSizes();
  const server = await startServer(dataDir);
  try {
    const streamVisible: number[] = [];
    const fcp: number[] = [];
    const shifts: number[] = [];
    // One warm-up visit, then five measured ones, each a fresh browser context (a first visit).
    for (let run = 0; run < 6; run += 1) {
      const visit = await openCairn(browser, server.url);
      if (run > 0) {
        streamVisible.push(visit.streamVisibleMs);
        fcp.push(visit.fcpMs);
        shifts.push(visit.layoutShift);
      }
      await visit.close();
    }
    log(`renderer: first paint ${round(median(fcp), 1)} ms, stream visible ${round(median(streamVisible), 1)} ms`);
    const visit = await openCairn(browser, server.url);
    try {
      const scroll = await scrollStream(visit.page, 10);
      log(`renderer: scrolled to thought ${scroll.thoughtsReached}, p95 frame ${scroll.frames.p95} ms`);
      const paint = await searchPaint(visit.page, QUERIES);
      return {
        corpus,
        bundle,
        firstPaint: { runs: fcp.length, firstContentfulPaintMs: round(median(fcp), 1), streamVisibleMs: round(median(streamVisible), 1), maxStreamVisibleMs: round(Math.max(...streamVisible), 1), layoutShift: round(Math.max(...shifts), 4) },
        scroll,
        searchPaint: paint,
        notes: [
          'Headless Chromium (the e2e browser), viewport 1280×800, the built renderer served by `node out/main/server.js` in browser mode; each visit is a fresh browser context (no cache) of someone already signed in (token in localStorage).',
          'First contentful paint is the Paint Timing entry of the page; "stream visible" is from navigation start to the first thought link of the stream being visible (it includes loading the code, settings and the first page of 50 thoughts).',
          'Scroll: the stream is scrolled 4,000 px/s for 10 s with requestAnimationFrame, fetching pages of 50 as the end nears; frame times are rAF intervals. Headless Chromium paces frames at 60 Hz.',
          'Search paint: time from the last byte of the search.query response to the next animation frame after the results status shows the query; that frame paints the results.',
        ],
      };
    } finally {
      await visit.close();
    }
  } finally {
    await server.stop();
  }
}
