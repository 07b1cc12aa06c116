import { errorAdvice } from '../../src-shared/errors';
import { classifyError } from './errors';

/** One or two plain lines for a terminal: what happened and what to do. No stack traces. */
export function describeFailure(error: unknown): string {
  if (isAddressInUse(error)) {
    return 'Cairn could not start: its port is already in use (another Cairn, or another program).\n  Start it with --port 0 to pick a free port, or choose another with --port N.';
  }
  const appError = classifyError(error);
  const path = appError.details?.['path'];
  const where = typeof path === 'string' ? `\n  Database: ${path}` : '';
  if (appError.code === 'internal') {
    const cause = appError.cause instanceof Error ? appError.cause.message : String(appError.cause);
    return `Cairn could not start: ${cause}${where}`;
  }
  return `Cairn could not start: ${appError.message} [${appError.code}]${where}\n  ${errorAdvice[appError.code]}`;
}

function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EADDRINUSE';
}
