import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thoughtSchema } from '../../src-shared/contract';
import { runCli, type CliIo } from '../../src-main/cli';
import { DATABASE_FILE } from '../../src-main/core/paths';
import { openSecondConnection } from '../helpers/db-inspect';
import { callOperation } from '../helpers/http-client';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { REPO_ROOT, tempDir } from '../helpers/test-core';

const TOKEN = 'process-token-0123456789abcdef';
const dir = tempDir('cairn-server-');
let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess({ dataDir: dir.path, token: TOKEN });
});
afterAll(async () => {
  await server.stop();
  dir.remove();
});

function cliIo(env: NodeJS.ProcessEnv = { CAIRN_DATA_DIR: dir.path }): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), readStdin: () => '', env };
}

describe('the headless server process', () => {
  it('has a capture on disk, readable by another process, as soon as it answers', async () => {
    const { status, body } = await callOperation(server.url, TOKEN, 'thoughts.capture', { text: 'durable on answer ✓' });
    expect(status).toBe(200);
    const { id } = thoughtSchema.parse(body);
    const reader = openSecondConnection(join(dir.path, DATABASE_FILE), { readonly: true });
    try {
      expect(reader.prepare('SELECT text FROM thoughts WHERE id = ?').get(id)).toEqual({ text: 'durable on answer ✓' });
    } finally {
      reader.close();
    }
  });
});

describe('the CLI next to a running server', () => {
  it('`cairn add` stores a thought with its #tags that the server then lists', async () => {
    const io = cliIo();
    expect(await runCli(['add', 'hello #x'], io)).toBe(0);
    const saved = /Saved ([0-9A-Z]{26}) \(#x\)/.exec(io.out.join(''));
    expect(saved).not.toBeNull();
    const { body } = await callOperation(server.url, TOKEN, 'thoughts.list', {});
    const listed = (body as { items: unknown[] }).items.map((item) => thoughtSchema.parse(item));
    expect(listed.find((thought) => thought.id === saved?.[1])).toMatchObject({
      text: 'hello #x',
      source: 'cli',
      tags: [{ name: 'x', kind: 'user' }],
    });
  });

  it('exits 2 with usage on bad usage, storing nothing', async () => {
    const before = (await callOperation(server.url, TOKEN, 'system.health', {})).body;
    for (const argv of [[], ['frobnicate'], ['add', '--no-such-flag', 'x'], ['list', '--limit']]) {
      const io = cliIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.out.join('') + io.err.join('')).toContain('Usage');
    }
    expect((await callOperation(server.url, TOKEN, 'system.health', {})).body).toMatchObject({
      thoughts: (before as { thoughts: number }).thoughts,
    });
  });

  it('exits 1 with the coded reason when the input is refused', async () => {
    const io = cliIo();
    expect(await runCli(['add', '   '], io)).toBe(1);
    expect(io.err.join('')).toContain('[invalid_input]');
  });

  it('runs as a built script too, as `node out/main/cli.js`, into the same database', () => {
    const empty = tempDir('cairn-cli-');
    try {
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [join(REPO_ROOT, 'out/main/cli.js'), ...args], {
          env: { ...process.env, CAIRN_DATA_DIR: empty.path },
          encoding: 'utf8',
        });
      const list = run('list');
      expect(list.status).toBe(0);
      expect(list.stdout).toBe('No thoughts yet.\n');
      const add = run('add', 'straight from a shell');
      expect(add.status).toBe(0);
      expect(add.stdout).toMatch(/^Saved [0-9A-Z]{26}\n$/);
      expect(run('list').stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d {2}straight from a shell\n$/);
    } finally {
      empty.remove();
    }
  });
});
