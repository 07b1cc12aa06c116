import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { thoughtSchema } from '../../src-shared/contract';
import { DATABASE_FILE } from '../../src-main/core/paths';
import { ftsIntegrityCheck, ftsRowids, integrityCheck, openSecondConnection } from '../helpers/db-inspect';
import { callOperation } from '../helpers/http-client';
import { createTextSource } from '../helpers/random-text';
import { startServerProcess } from '../helpers/server-process';
import { tempDir } from '../helpers/test-core';

const TOKEN = 'durability-token-0123456789';
const LANES = 2;
const KILLS_PER_LANE = 100;
const CAPTURE_LOOPS = 2;

interface Acknowledged {
  id: string;
  text: string;
  marker: string;
}

const folders: { remove(): void }[] = [];
afterAll(() => {
  for (const folder of folders) folder.remove();
});

/** Captures over HTTP until the server dies; returns what it acknowledged. */
async function captureUntilDead(url: string, textFor: (marker: string) => string, prefix: string): Promise<Acknowledged[]> {
  const acknowledged: Acknowledged[] = [];
  for (let count = 0; ; count += 1) {
    const marker = `${prefix}n${count}`;
    const text = textFor(marker);
    let response;
    try {
      response = await callOperation(url, TOKEN, 'thoughts.capture', { text });
    } catch {
      return acknowledged;
    }
    if (response.status !== 200) throw new Error(`capture refused: ${response.status} ${JSON.stringify(response.body)}`);
    acknowledged.push({ id: thoughtSchema.parse(response.body).id, text, marker });
  }
}

/** One data folder, its server killed with SIGKILL again and again while captures run. */
async function killRepeatedly(lane: number, seed: number): Promise<{ dataDir: string; acknowledged: Acknowledged[] }> {
  const folder = tempDir(`cairn-durability-${lane}-`);
  folders.push(folder);
  const textFor = createTextSource(seed);
  const acknowledged: Acknowledged[] = [];
  for (let kill = 0; kill < KILLS_PER_LANE; kill += 1) {
    const server = await startServerProcess({ dataDir: folder.path, token: TOKEN });
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    try {
      // The first answer marks the start of captures: the kill lands while writes stream in.
      const warmUp = `dur${lane}k${kill}w`;
      const first = textFor(warmUp);
      const response = await callOperation(server.url, TOKEN, 'thoughts.capture', { text: first });
      acknowledged.push({ id: thoughtSchema.parse(response.body).id, text: first, marker: warmUp });
      const loops = Array.from({ length: CAPTURE_LOOPS }, (_, loop) =>
        captureUntilDead(server.url, textFor, `dur${lane}k${kill}l${loop}`),
      );
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 151)));
      server.child.kill('SIGKILL');
      await exited;
      for (const found of await Promise.all(loops)) acknowledged.push(...found);
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    }
  }
  return { dataDir: folder.path, acknowledged };
}

describe('durability under kill -9', () => {
  it(
    'keeps every acknowledged capture intact and searchable through hundreds of crashes',
    async () => {
      const seed = Date.now() % 1_000_000;
      // Kill moments come from Math.random: timing cannot be replayed, the texts can (from the seed).
      const lanes = await Promise.all(Array.from({ length: LANES }, (_, lane) => killRepeatedly(lane, seed + lane)));
      for (const { dataDir, acknowledged } of lanes) {
        expect(acknowledged.length, `seed ${seed}`).toBeGreaterThanOrEqual(KILLS_PER_LANE);
        const db = openSecondConnection(join(dataDir, DATABASE_FILE));
        try {
          expect(integrityCheck(db)).toBe('ok');
          expect(ftsIntegrityCheck(db)).toBe('ok');
          const byId = db.prepare('SELECT seq, text FROM thoughts WHERE id = ?');
          const missing: string[] = [];
          const damaged: string[] = [];
          const unindexed: string[] = [];
          for (const thought of acknowledged) {
            const row = byId.get(thought.id) as { seq: number; text: string } | undefined;
            if (row === undefined) {
              missing.push(thought.marker);
              continue;
            }
            if (row.text !== thought.text) damaged.push(thought.marker);
            if (ftsRowids(db, `"${thought.marker}"`).join() !== String(row.seq)) unindexed.push(thought.marker);
          }
          expect({ missing, damaged, unindexed }, `seed ${seed}`).toEqual({ missing: [], damaged: [], unindexed: [] });
        } finally {
          db.close();
        }
      }
    },
    10 * 60_000,
  );
});
