import { AppError } from '../../src-shared/errors';

/** Where a newest-first page ended: the last row's creation time and id. */
export interface TimeCursor {
  createdAt: number;
  id: string;
}

export function encodeTimeCursor(createdAt: number, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

/** Throws invalid_input for anything this process did not hand out. */
export function decodeTimeCursor(cursor: string): TimeCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && Number.isSafeInteger(value[0]) && typeof value[1] === 'string' && value[1].length <= 26) {
      return { createdAt: value[0] as number, id: value[1] };
    }
  } catch {
    // Falls through to the coded error below.
  }
  throw new AppError('invalid_input', 'cursor: This page cursor is not valid. Start from the first page.');
}
