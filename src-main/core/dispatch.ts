import { contract, isOperationName, type CallContext, type Handlers } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import type { TransportResult } from '../../src-shared/api';
import { classifyError } from './errors';
import type { Logger } from './logger';

export interface Dispatcher {
  /** Parses input against the contract, runs the handler, and returns a value or a coded error. */
  dispatch(operation: string, rawInput: unknown, context: CallContext): Promise<TransportResult<unknown>>;
}

/** The gate both doors go through: unknown operations, bad input and bugs all become codes. */
export function createDispatcher(handlers: Handlers, logger: Logger, isShuttingDown: () => boolean): Dispatcher {
  return {
    async dispatch(operation, rawInput, context) {
      try {
        if (!isOperationName(operation)) {
          throw new AppError('unknown_operation', `Cairn has no operation named "${operation.slice(0, 80)}".`);
        }
        if (isShuttingDown()) throw new AppError('shutting_down', 'Cairn is shutting down.');
        const definition = contract[operation];
        const input: unknown = definition.input.parse(rawInput ?? {});
        const handler = handlers[operation] as (input: unknown, context: CallContext) => Promise<unknown>;
        return { ok: true, value: await handler(input, context) };
      } catch (error) {
        const appError = classifyError(error);
        if (appError.code === 'internal' || appError.code === 'db_corrupt' || appError.code === 'db_unavailable') {
          logger.error('operation.failed', {
            operation: operation.slice(0, 80),
            code: appError.code,
            cause: describeCause(appError.cause),
          });
        }
        return { ok: false, error: appError.toJSON() };
      }
    },
  };
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}\n${cause.stack ?? ''}`;
  try {
    return String(cause);
  } catch {
    return '[cause that cannot be turned into text]';
  }
}
