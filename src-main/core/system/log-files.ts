import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';

export const LOG_FOLDER = 'logs';
export const LOG_FILE = 'cairn.log';
/** The file before the current one; older lines are dropped. */
export const PREVIOUS_LOG_FILE = 'cairn.1.log';
const DEFAULT_MAX_BYTES = 1024 * 1024;
const MAX_STRING = 2_000;
const MAX_DEPTH = 4;

/** Fields whose names say they hold a secret: never written. */
const SECRET_KEY = /api.?key|token|secret|password|authorization|cookie/i;
/** Fields whose names say they hold what a person wrote: never written. */
const CONTENT_KEYS = new Set(['text', 'title', 'notes', 'prompt', 'content', 'query', 'body', 'answer', 'snippet', 'excerpt']);
/** Secrets that may hide inside an error message. */
const SECRET_VALUE = /sk-ant-[\w-]+|Bearer\s+[\w.~+/=-]+/gi;

export interface LogFilesOptions {
  /** The folder the files go in (created when missing). */
  folder: string;
  /** The current file is moved aside once the next line would take it past this size. */
  maxBytes?: number;
  now: () => number;
}

/**
 * Structured logs on disk, one JSON object per line, in two files at most (`cairn.log` and the
 * one before it), so the folder never grows past twice `maxBytes`. Secrets and anything that
 * looks like a person's writing are left out. A log that cannot be written is given up on, never
 * allowed to break the app.
 */
export function createLogFiles({ folder, maxBytes = DEFAULT_MAX_BYTES, now }: LogFilesOptions): Logger {
  const current = join(folder, LOG_FILE);
  let isBroken = false;
  // At once, not with the first line: diagnostics shows this folder, and it should be there.
  ensureFolder();

  function ensureFolder(): void {
    try {
      mkdirSync(folder, { recursive: true });
    } catch {
      isBroken = true;
    }
  }

  function sizeOf(path: string): number {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  }

  function append(line: string): void {
    // Asked each time, not counted here: the server and the desktop app may share the folder.
    const size = sizeOf(current);
    if (size > 0 && size + Buffer.byteLength(line) > maxBytes) renameSync(current, join(folder, PREVIOUS_LOG_FILE));
    appendFileSync(current, line);
  }

  function write(level: string, event: string, fields: Record<string, unknown> = {}): void {
    if (isBroken) return;
    const line = `${JSON.stringify({ time: new Date(now()).toISOString(), level, event, ...scrub(fields, 0) })}\n`;
    try {
      append(line);
    } catch (error) {
      // The folder was removed while Cairn ran: made again; anything else ends logging to disk.
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) {
        isBroken = true;
        return;
      }
      ensureFolder();
      try {
        append(line);
      } catch {
        isBroken = true;
      }
    }
  }

  return { info: (event, fields) => write('info', event, fields), warn: (event, fields) => write('warn', event, fields), error: (event, fields) => write('error', event, fields) };
}

function scrub(fields: Record<string, unknown>, depth: number): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEY.test(key)) clean[key] = '[hidden]';
    else if (CONTENT_KEYS.has(key)) clean[key] = '[left out]';
    else clean[key] = scrubValue(value, depth);
  }
  return clean;
}

function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    const hidden = value.replace(SECRET_VALUE, '[hidden]');
    return hidden.length > MAX_STRING ? `${hidden.slice(0, MAX_STRING)}…` : hidden;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => scrubValue(item, depth + 1));
  return scrub(value as Record<string, unknown>, depth + 1);
}
