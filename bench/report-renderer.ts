import type { RendererBenchResult } from './renderer';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function renderRenderer(result: RendererBenchResult | undefined): string[] {
  if (result === undefined) return [];
  const { bundle, firstPaint, scroll, searchPaint } = result;
  const lines = [
    `## Renderer (browser mode, ${result.corpus.toLocaleString('en-US')} thoughts)`,
    '',
    '| figure | value |',
    '|---|---|',
    `| first contentful paint, median of ${firstPaint.runs} | ${firstPaint.firstContentfulPaintMs} ms |`,
    `| opening Cairn (signed in before) → first thought of the stream visible, median (max) | ${firstPaint.streamVisibleMs} ms (${firstPaint.maxStreamVisibleMs} ms) |`,
    `| layout shift while the stream, header and tabs load (CLS, worst of ${firstPaint.runs}; 0 = nothing moves) | ${firstPaint.layoutShift} |`,
    `| code first paint loads (JS + CSS) | ${kb(bundle.initialBytes)} (${kb(bundle.initialGzipBytes)} gzip) |`,
    `| all renderer code | ${kb(bundle.totalBytes)} (${kb(bundle.totalGzipBytes)} gzip) |`,
    `| stream scroll, ${scroll.seconds} s at 4,000 px/s: thoughts reached | ${scroll.thoughtsReached.toLocaleString('en-US')} |`,
    `| frame time p50 / p95 / p99 / max | ${scroll.frames.p50} / ${scroll.frames.p95} / ${scroll.frames.p99} / ${scroll.frames.max} ms |`,
    `| frames over 33 ms (two frames) | ${scroll.longFrames} of ${scroll.totalFrames} |`,
    `| list rows in the DOM after the scroll | ${scroll.rowsInDom} |`,
    `| holding End: thoughts loaded into the stream, in s | ${result.deepScroll.thoughtsLoaded.toLocaleString('en-US')} in ${result.deepScroll.seconds} s |`,
    `| … frame time p50 / p95 / p99 / max | ${result.deepScroll.frames.p50} / ${result.deepScroll.frames.p95} / ${result.deepScroll.frames.p99} / ${result.deepScroll.frames.max} ms |`,
    `| … frames over 33 ms | ${result.deepScroll.longFrames} of ${result.deepScroll.totalFrames} |`,
    `| … list rows in the DOM at the end; JS heap | ${result.deepScroll.rowsInDom}; ${result.deepScroll.heapMiB} MiB |`,
    `| search response → results painted, p50 / p95 / max | ${searchPaint.responseToPaintMs.p50} / ${searchPaint.responseToPaintMs.p95} / ${searchPaint.responseToPaintMs.max} ms |`,
    `| queries painted within one frame (16.7 ms) of arriving | ${searchPaint.withinOneFrame} of ${searchPaint.queries} |`,
    '',
    '| file | loaded | size | gzip |',
    '|---|---|---:|---:|',
    ...bundle.files.map((file) => `| ${file.file} | ${file.initial ? 'first paint' : 'with its view'} | ${kb(file.bytes)} | ${kb(file.gzipBytes)} |`),
    '',
    ...result.notes.map((note) => `- ${note}`),
    '',
  ];
  return lines;
}
