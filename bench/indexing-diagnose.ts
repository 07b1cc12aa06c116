/**
 * Why captures wait while an import is indexed: the indexing section's setup (every thought's
 * analyze and embed jobs queued, full-size model), then busy captures under the V8 CPU
 * profiler. The profile's samples are cut into main-thread tasks (runs of non-idle samples);
 * tasks longer than a threshold are attributed to the Cairn function nearest the top of their
 * stacks, and the captures' waits are listed. Explains a missed target; not a headline figure.
 * Run: `npx tsx bench/indexing-diagnose.ts [size] [captures]` (default 100000 300).
 */
import { Session } from 'node:inspector/promises';
import { createCore } from '../src-main/core/create-core';
import { silentLogger } from '../src-main/core/logger';
import { benchIntelligence } from './bench-intelligence';
import { ensureCorpus, MIGRATIONS, workingCopy } from './corpus';
import { ensureFullModel } from './full-model';
import { queueUnderstanding, scheduledCaptures, until } from './indexing';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const LONG_TASK_MS = 6;

/** The innermost frame from Cairn's own sources, or the V8 pseudo-frame ((garbage collector)…). */
function attribution(profile: Profile): (nodeId: number) => string {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  return (nodeId) => {
    const leaf = byId.get(nodeId);
    if (leaf !== undefined && leaf.callFrame.functionName.startsWith('(')) return leaf.callFrame.functionName;
    const frames: string[] = [];
    for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (frame !== undefined && frame.url.includes('/src-main/')) frames.push(`${frame.functionName || '(anonymous)'} ${frame.url.split('/src-main/')[1]}:${frame.lineNumber + 1}`);
    }
    const native = leaf === undefined ? '?' : `${leaf.callFrame.functionName || '(anonymous)'}`;
    return frames.length === 0 ? `[${native}]` : `${frames.slice(0, 3).join(' < ')} [${native}]`;
  };
}

/** For each Cairn function: the durations of its calls, from consecutive samples holding it. */
function calls(profile: Profile): [string, number[]][] {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stackKeys = new Map<number, Set<string>>();
  const keysOf = (nodeId: number): Set<string> => {
    let keys = stackKeys.get(nodeId);
    if (keys === undefined) {
      keys = new Set();
      for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
        const frame = byId.get(id)?.callFrame;
        if (frame === undefined) continue;
        if (frame.url.includes('/src-main/')) keys.add(`${frame.functionName || '(anonymous)'} ${frame.url.split('/src-main/')[1]}:${frame.lineNumber + 1}`);
        else if (frame.functionName === '(garbage collector)') keys.add(frame.functionName);
      }
      stackKeys.set(nodeId, keys);
    }
    return keys;
  };
  const open = new Map<string, number>();
  const done = new Map<string, number[]>();
  profile.samples.forEach((sample, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const keys = keysOf(sample);
    for (const [key, length] of open) {
      if (!keys.has(key)) {
        done.set(key, [...(done.get(key) ?? []), length]);
        open.delete(key);
      }
    }
    for (const key of keys) open.set(key, (open.get(key) ?? 0) + ms);
  });
  return [...done.entries()].sort((a, b) => b[1].reduce((x, y) => x + y, 0) - a[1].reduce((x, y) => x + y, 0));
}

function longTasks(profile: Profile): { ms: number; top: [string, number][] }[] {
  const name = attribution(profile);
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
  const tasks: { ms: number; top: [string, number][] }[] = [];
  let current: Map<string, number> | undefined;
  let length = 0;
  const close = () => {
    if (current !== undefined && length >= LONG_TASK_MS) {
      tasks.push({ ms: Math.round(length * 10) / 10, top: [...current.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4) });
    }
    current = undefined;
    length = 0;
  };
  profile.samples.forEach((sample, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    if (idle.has(sample)) return close();
    current ??= new Map();
    length += ms;
    const key = name(sample);
    current.set(key, (current.get(key) ?? 0) + ms);
  });
  close();
  return tasks;
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 100_000);
  const samples = Number(process.argv[3] ?? 300);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const model = ensureFullModel('q8', log);
  const copy = workingCopy(ensureCorpus(size, undefined, log), 'indexing-diagnose');
  const setup = createCore({ dataDir: copy.dir, migrationsFolder: MIGRATIONS, version: 'bench', logger: silentLogger, runJobs: false });
  setup.settings.update({ embeddingModel: model.modelId, allowModelDownload: false });
  const idle = await scheduledCaptures(setup, { samples, warmup: 50, spacingMs: 100, seed: 23 });
  queueUnderstanding(setup);
  await setup.dispose();
  const core = createCore({ dataDir: copy.dir, migrationsFolder: MIGRATIONS, version: 'bench', logger: silentLogger, runJobs: true, intelligence: benchIntelligence({ model }) });
  const index = core.index;
  if (index === undefined) throw new Error('no indexer');
  await until(() => index.status().embedded >= 2_000, 3_600_000);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const fromEmbedded = index.status().embedded;
  const fromAnalyzed = Number(core.db.sqlite.prepare("SELECT count(*) FROM jobs WHERE kind = 'analyze'").pluck().get());
  const busyStart = performance.now();
  const busy = await scheduledCaptures(core, { samples, warmup: 50, spacingMs: 100, seed: 24 });
  const busySeconds = (performance.now() - busyStart) / 1000;
  const analyzed = fromAnalyzed - Number(core.db.sqlite.prepare("SELECT count(*) FROM jobs WHERE kind = 'analyze'").pluck().get());
  log(`while capturing: ${((index.status().embedded - fromEmbedded) / busySeconds).toFixed(1)} thoughts/s embedded, ${(analyzed / busySeconds).toFixed(1)} analyze jobs/s done`);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  await core.dispose();
  copy.remove();

  log(`capture idle p50/p95/p99 ${idle.p50}/${idle.p95}/${idle.p99} ms; busy ${busy.p50}/${busy.p95}/${busy.p99} ms`);
  const tasks = longTasks(profile);
  const seconds = (profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) / 1e6).toFixed(1);
  log(`${tasks.length} main-thread tasks ≥ ${LONG_TASK_MS} ms in ${seconds} s of profile; longest first:`);
  const totals = new Map<string, { ms: number; count: number }>();
  for (const task of tasks) {
    const lead = task.top[0]?.[0] ?? '?';
    const total = totals.get(lead) ?? { ms: 0, count: 0 };
    totals.set(lead, { ms: total.ms + task.ms, count: total.count + 1 });
  }
  for (const task of [...tasks].sort((a, b) => b.ms - a.ms).slice(0, 15)) {
    log(`  ${task.ms} ms: ${task.top.map(([frame, ms]) => `${frame} ${ms.toFixed(1)}`).join(' | ')}`);
  }
  log('calls on the main thread (runs of samples whose stack holds the function): count, total ms, p50, p99, max');
  for (const [frame, spans] of calls(profile).slice(0, 25)) {
    const sorted = [...spans].sort((a, b) => a - b);
    const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
    log(`  ${spans.length} ${spans.reduce((sum, ms) => sum + ms, 0).toFixed(0)} ${at(0.5)} ${at(0.99)} ${at(1)}: ${frame}`);
  }
  log('long tasks by their heaviest frame:');
  for (const [frame, total] of [...totals.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
    log(`  ${total.count} tasks, ${total.ms.toFixed(0)} ms: ${frame}`);
  }
}

await main();
