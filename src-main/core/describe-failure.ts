import { errorAdvice } from '../../src-shared/errors';
import { classifyError } from './errors';

/** One or two plain lines for a terminal: what happened and what to do. No stack traces. */
export function describeFailure(error: unknown): string {
  const appError = classifyError(error);
  const path = appError.details?.['path'];
  const where = typeof path === 'string' ? `\n  Database: ${path}` : '';
  if (appError.code === 'internal') {
    const cause = appError.cause instanceof Error ? appError.cause.message : String(appError.cause);
    return `Cairn could not start: ${cause}${where}`;
  }
  return `Cairn could not start: ${appError.message} [${appError.code}]${where}\n  ${errorAdvice[appError.code]}`;
}
