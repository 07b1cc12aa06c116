import { describe, expect, it } from 'vitest';
import type { PreloadBridge } from '../../src-shared/api';
import { operationNameList } from '../../src-shared/names';
import { CairnError } from '../../src-renderer/api/errors';
import { createIpcClient } from '../../src-renderer/api/ipc-client';

/** A preload stand-in: every operation answers with what `answer` returns, as the real one does. */
function fakePreload(answer: (operation: string, input: unknown) => Promise<unknown>): PreloadBridge {
  const methods = Object.fromEntries(operationNameList.map((name) => [name, (input?: unknown) => answer(name, input)]));
  return { ...methods, on: () => () => undefined } as unknown as PreloadBridge;
}

describe('IPC client (renderer side of the preload)', () => {
  it('passes the input through and returns the value of a successful result', async () => {
    const seen: unknown[] = [];
    const client = createIpcClient(
      fakePreload(async (operation, input) => {
        seen.push([operation, input]);
        return { ok: true, value: { status: 'ok' } };
      }),
    );
    await expect(client['system.health']({})).resolves.toEqual({ status: 'ok' });
    expect(seen).toEqual([['system.health', {}]]);
  });

  it('turns a failure value into a CairnError that keeps code, message and details', async () => {
    const client = createIpcClient(
      fakePreload(async () => ({ ok: false, error: { code: 'conflict', message: 'Changed elsewhere.', details: { actualVersion: 3 } } })),
    );
    const error = await client['thoughts.get']({ id: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CairnError);
    expect(error).toMatchObject({ code: 'conflict', message: 'Changed elsewhere.', details: { actualVersion: 3 } });
  });

  it('reports a code it does not know as internal rather than trusting it', async () => {
    const client = createIpcClient(fakePreload(async () => ({ ok: false, error: { code: 'made_up', message: 'odd' } })));
    await expect(client['system.health']({})).rejects.toMatchObject({ code: 'internal', message: 'odd' });
  });

  it('turns a rejection from a broken bridge into a coded error', async () => {
    const client = createIpcClient(
      fakePreload(async () => {
        throw new Error('An object could not be cloned.');
      }),
    );
    await expect(client['system.health']({})).rejects.toMatchObject({ code: 'internal' });
  });
});
