/** Spawns the built headless server and notes when it says it is listening. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './corpus';

export const SERVER_ENTRY = join(REPO_ROOT, 'out', 'main', 'server.js');
export const BENCH_TOKEN = 'bench-token-0123456789abcdef';

export interface StartedServer {
  child: ChildProcess;
  pid: number;
  url: string;
  loginUrl: string;
  /** performance.now() just before spawn. */
  spawnedAt: number;
  /** ms from spawn to the "Cairn listening on" line. */
  listeningMs: number;
  stop(): Promise<void>;
}

/** BENCH_SERVER_ENTRY points at another build of server.js, to compare a fix before it lands. */
export function serverEntry(): string {
  return process.env['BENCH_SERVER_ENTRY'] ?? SERVER_ENTRY;
}

export async function startServer(dataDir: string, timeoutMs = 60_000): Promise<StartedServer> {
  const entry = serverEntry();
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first.`);
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [entry, '--port', '0'], {
    env: { ...process.env, CAIRN_DATA_DIR: dataDir, CAIRN_TOKEN: BENCH_TOKEN, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let listeningAt: number | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = await new Promise<{ url: string; loginUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time\n${out}\n${err}`)), timeoutMs);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const listening = /Cairn listening on (http:\/\/\S+)/.exec(out);
      if (listening !== null && listeningAt === undefined) listeningAt = performance.now();
      const login = /one-time link[^:]*: (http:\/\/\S+)/.exec(out);
      if (listening?.[1] !== undefined && login?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: listening[1], loginUrl: login[1] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}\n${out}\n${err}`));
    });
  });
  if (child.pid === undefined) throw new Error('server has no pid');
  return {
    child,
    pid: child.pid,
    ...started,
    spawnedAt,
    listeningMs: (listeningAt ?? performance.now()) - spawnedAt,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident set size in MiB from /proc/<pid>/status (Linux only). */
export function residentMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: Math.round((kib('VmRSS') / 1024) * 10) / 10, peak: Math.round((kib('VmHWM') / 1024) * 10) / 10 };
}
