import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './test-core';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** The one-time browser sign-in link printed at start. */
  loginUrl: string;
  stdout(): string;
  stderr(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<number | null>;
}

const SERVER_ENTRY = join(REPO_ROOT, 'out', 'main', 'server.js');

/**
 * Starts the built headless server (`npm run build` first) on a free port with its own data
 * folder and token; resolves once it prints that it is listening.
 */
export async function startServerProcess(options: {
  dataDir: string;
  token: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  if (!existsSync(SERVER_ENTRY)) throw new Error('out/main/server.js is missing: run `npm run build` first.');
  const child = spawn(process.execPath, [SERVER_ENTRY, '--port', '0', ...(options.args ?? [])], {
    env: { ...process.env, ...options.env, CAIRN_DATA_DIR: options.dataDir, CAIRN_TOKEN: options.token, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = await new Promise<{ url: string; loginUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time\n${out}\n${err}`)), options.timeoutMs ?? 20_000);
    const check = () => {
      const listening = /Cairn listening on (http:\/\/\S+)/.exec(out);
      const login = /one-time link[^:]*: (http:\/\/\S+)/.exec(out);
      if (listening?.[1] !== undefined && login?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: listening[1], loginUrl: login[1] });
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}\n${out}\n${err}`));
    });
  });
  return {
    child,
    url: started.url,
    port: Number(new URL(started.url).port),
    loginUrl: started.loginUrl,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}
