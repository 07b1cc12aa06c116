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
  /** Holding End: the stream pulled to its bottom every frame until every thought is loaded. */
  deepScroll: {
    seconds: number;
    thoughtsLoaded: number;
    frames: LatencySummary;
    longFrames: number;
    totalFrames: number;
    rowsInDom: number;
    heapMiB: number;
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
 * Pulls the stream to its end every frame (pages of 50 load as it goes) until nothing more
 * arrives for 5 s (the end of the stream) or time is up.
 */
async function deepScroll(page: Page, maxSeconds: number): Promise<RendererBenchResult['deepScroll']> {
  const measured = await page.evaluate(
    async ({ maxMs }) => {
      const scroller = document.querySelector<HTMLElement>('.timeline-scroll');
      if (scroller === null) throw new Error('no .timeline-scroll');
      const frames: number[] = [];
      const started = performance.now();
      let last = started;
      let reached = 0;
      let grewAt = started;
      await new Promise<void>((resolve) => {
        const step = (now: number) => {
          frames.push(now - last);
          last = now;
          scroller.scrollTop = scroller.scrollHeight;
          const rows = scroller.querySelectorAll<HTMLElement>('[data-index]');
          const lastRow = Number(rows[rows.length - 1]?.dataset['index'] ?? 0) + 1;
          if (lastRow > reached) {
            reached = lastRow;
            grewAt = now;
          }
          if (now - grewAt < 5_000 && now - started < maxMs) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        frames: frames.slice(1),
        seconds: (performance.now() - started) / 1000,
        reached,
        rows: scroller.querySelectorAll('[data-index]').length,
        heap: memory === undefined ? -1 : memory.usedJSHeapSize / 1024 / 1024,
      };
    },
    { maxMs: maxSeconds * 1000 },
  );
  return {
    seconds: round(measured.seconds, 1),
    thoughtsLoaded: measured.reached,
    frames: summarize(measured.frames),
    longFrames: measured.frames.filter((frame) => frame > 2 * FRAME_MS).length,
    totalFrames: measured.frames.length,
    rowsInDom: measured.rows,
    heapMiB: round(measured.heap, 1),
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
      const deep = await deepScroll(visit.page, 300);
      log(`renderer: deep scroll loaded ${deep.thoughtsLoaded} in ${deep.seconds} s, p95 frame ${deep.frames.p95} ms`);
      return {
        corpus,
        bundle,
        firstPaint: { runs: fcp.length, firstContentfulPaintMs: round(median(fcp), 1), streamVisibleMs: round(median(streamVisible), 1), maxStreamVisibleMs: round(Math.max(...streamVisible), 1), layoutShift: round(Math.max(...shifts), 4) },
        scroll,
        deepScroll: deep,
        searchPaint: paint,
        notes: [
          'Headless Chromium (the e2e browser), viewport 1280×800, the built renderer served by `node out/main/server.js` in browser mode; each visit is a fresh browser context (no cache) of someone already signed in (token in localStorage).',
          'First contentful paint is the Paint Timing entry of the page; "stream visible" is from navigation start to the first thought link of the stream being visible (it includes loading the code, settings and the first page of 50 thoughts).',
          'Scroll: the stream is scrolled 4,000 px/s for 10 s with requestAnimationFrame, fetching pages of 50 as the end nears; frame times are rAF intervals. Headless Chromium paces frames at 60 Hz.',
          'Deep scroll: the stream is pulled to its bottom every frame (like holding End) until nothing more arrives for 5 s (the end of the stream) or 5 minutes; the 5 s wait at the end is part of the time and frames; heap is Chromium\'s usedJSHeapSize at the end.',
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
