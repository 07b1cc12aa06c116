import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, serializedErrorSchema } from '../../src-shared/errors';
import { createDispatcher } from '../../src-main/core/dispatch';
import { classifyError } from '../../src-main/core/errors';
import type { Logger } from '../../src-main/core/logger';
import type { Handlers } from '../../src-shared/contract';

function foreign(code: string, message = 'boom'): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyError', () => {
  it('turns a zod failure into invalid_input naming the field', () => {
    const parsed = z.object({ text: z.string() }).safeParse({ text: 5 });
    if (parsed.success) throw new Error('expected a failure');
    const error = classifyError(parsed.error);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('text');
  });

  const cases: [string, string][] = [
    ['SQLITE_BUSY', 'db_busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'db_busy'],
    ['SQLITE_LOCKED', 'db_busy'],
    ['SQLITE_CORRUPT', 'db_corrupt'],
    ['SQLITE_CORRUPT_INDEX', 'db_corrupt'],
    ['SQLITE_NOTADB', 'db_corrupt'],
    ['SQLITE_FULL', 'storage_full'],
    ['ENOSPC', 'storage_full'],
    ['EACCES', 'db_unavailable'],
    ['EPERM', 'db_unavailable'],
    ['EROFS', 'db_unavailable'],
    ['SQLITE_CANTOPEN', 'db_unavailable'],
    ['SQLITE_READONLY', 'db_unavailable'],
    ['SQLITE_IOERR', 'db_unavailable'],
    ['SQLITE_IOERR_WRITE', 'db_unavailable'],
    ['SQLITE_IOERR_SHORT_READ', 'db_unavailable'],
    ['SQLITE_IOERR_DIR_FSYNC', 'db_unavailable'],
  ];
  for (const [code, expected] of cases) {
    it(`maps ${code} to ${expected}, keeping the original as cause`, () => {
      const original = foreign(code);
      const error = classifyError(original);
      expect(error.code).toBe(expected);
      expect(error.cause).toBe(original);
      expect(error.message).not.toContain('boom');
    });
  }

  it('passes an AppError through unchanged', () => {
    const original = new AppError('conflict', 'changed elsewhere');
    expect(classifyError(original)).toBe(original);
  });

  it('calls anything unknown internal, without leaking its message', () => {
    for (const thrown of [new TypeError('x is undefined'), foreign('SQLITE_CONSTRAINT'), foreign('ECONNRESET'), 'a string', null, 42, { code: 7 }]) {
      const error = classifyError(thrown);
      expect(error.code).toBe('internal');
      expect(error.cause).toBe(thrown);
      expect(error.message).toBe('Something went wrong inside Cairn.');
    }
  });
});

describe('the dispatcher', () => {
  const logged: string[] = [];
  const logger: Logger = { info() {}, warn() {}, error: (event) => void logged.push(event) };
  let shuttingDown = false;
  const failures: Record<string, unknown> = {};
  const handlers = new Proxy({} as Handlers, {
    get: (_target, operation: string) => async () => {
      throw failures[operation];
    },
  });
  const dispatcher = createDispatcher(handlers, logger, () => shuttingDown);

  async function dispatchWith(thrown: unknown) {
    failures['settings.get'] = thrown;
    return dispatcher.dispatch('settings.get', {}, { door: 'http' });
  }

  it('returns every failure as a value with a code and a message, never throwing', async () => {
    const throwers: unknown[] = [
      new Error('plain bug'),
      foreign('SQLITE_BUSY'),
      foreign('SQLITE_FULL'),
      new AppError('not_found', 'gone'),
      undefined,
      Symbol('odd'),
    ];
    for (const thrown of throwers) {
      const result = await dispatchWith(thrown);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(() => serializedErrorSchema.parse(result.error)).not.toThrow();
    }
  });

  it('reports a bug as internal and logs it, with the cause kept out of the reply', async () => {
    logged.length = 0;
    const result = await dispatchWith(new Error('secret diary text in a stack'));
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong inside Cairn.' } });
    expect(logged).toEqual(['operation.failed']);
  });

  it('maps foreign failures to their codes', async () => {
    expect(await dispatchWith(foreign('SQLITE_BUSY'))).toMatchObject({ ok: false, error: { code: 'db_busy' } });
    expect(await dispatchWith(foreign('ENOSPC'))).toMatchObject({ ok: false, error: { code: 'storage_full' } });
  });

  it('refuses an unknown operation by name, including names that look like object internals', async () => {
    for (const name of ['thoughts.explode', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(10_000)]) {
      const result = await dispatcher.dispatch(name, {}, { door: 'http' });
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
      if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
    }
  });

  it('refuses bad input with invalid_input before any handler runs', async () => {
    failures['thoughts.capture'] = new Error('handler must not run');
    const result = await dispatcher.dispatch('thoughts.capture', { text: 42 }, { door: 'http' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses work while shutting down', async () => {
    shuttingDown = true;
    const result = await dispatcher.dispatch('settings.get', {}, { door: 'ipc' });
    shuttingDown = false;
    expect(result).toMatchObject({ ok: false, error: { code: 'shutting_down' } });
  });
});
