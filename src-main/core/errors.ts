import { ZodError } from 'zod';
import { AppError, type SerializedError } from '../../src-shared/errors';

const SQLITE_CODES: Record<string, AppError['code']> = {
  SQLITE_BUSY: 'db_busy',
  SQLITE_LOCKED: 'db_busy',
  SQLITE_CORRUPT: 'db_corrupt',
  SQLITE_NOTADB: 'db_corrupt',
  SQLITE_FULL: 'storage_full',
  SQLITE_READONLY: 'db_unavailable',
  SQLITE_CANTOPEN: 'db_unavailable',
  SQLITE_IOERR: 'db_unavailable',
  SQLITE_PERM: 'db_unavailable',
};

const NODE_CODES: Record<string, AppError['code']> = {
  ENOSPC: 'storage_full',
  EACCES: 'db_unavailable',
  EPERM: 'db_unavailable',
  EROFS: 'db_unavailable',
  ENOTDIR: 'db_unavailable',
  EISDIR: 'db_unavailable',
  // mkdir of the data folder when a file already has its name.
  EEXIST: 'db_unavailable',
  ENAMETOOLONG: 'db_unavailable',
  ELOOP: 'db_unavailable',
};

/**
 * The one place that turns foreign errors (SQLite, Node, zod) into coded AppErrors. Anything it
 * does not recognise is a bug and becomes `internal`, with the original kept as `cause`.
 */
export function classifyError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError('invalid_input', describeZodError(error), {
      issues: error.issues.slice(0, 10).map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    });
  }
  const code = foreignCode(error);
  if (code !== undefined) {
    const sqliteCode = SQLITE_CODES[code] ?? SQLITE_CODES[primarySqliteCode(code)];
    const mapped = sqliteCode ?? NODE_CODES[code];
    if (mapped !== undefined) {
      const appError = new AppError(mapped, messageFor(mapped), { cause: code });
      appError.cause = error;
      return appError;
    }
  }
  const internal = new AppError('internal', 'Something went wrong inside Cairn.');
  internal.cause = error;
  return internal;
}

export function serializeError(error: unknown): SerializedError {
  return classifyError(error).toJSON();
}

/** SQLITE_IOERR_SHORT_READ → SQLITE_IOERR: extended result codes share their primary's meaning. */
function primarySqliteCode(code: string): string {
  return code.split('_').slice(0, 2).join('_');
}

function foreignCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function messageFor(code: AppError['code']): string {
  switch (code) {
    case 'db_busy':
      return 'The database is busy.';
    case 'db_corrupt':
      return 'The database file is damaged or is not a Cairn database.';
    case 'storage_full':
      return 'The disk is full.';
    case 'db_unavailable':
      return 'The database cannot be opened or written.';
    default:
      return 'Something went wrong inside Cairn.';
  }
}

function describeZodError(error: ZodError): string {
  const first = error.issues[0];
  if (first === undefined) return 'Invalid input.';
  const path = first.path.map(String).join('.');
  return path === '' ? first.message : `${path}: ${first.message}`;
}
