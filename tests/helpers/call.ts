import { contract, type CallContext, type OperationInput, type OperationName, type OperationOutput } from '../../src-shared/contract';
import type { SerializedError } from '../../src-shared/errors';
import type { Core } from '../../src-main/core/create-core';

type Dispatching = Pick<Core, 'dispatcher'>;

/** Runs one operation through the same gate both doors use; the output must match its schema. */
export async function call<K extends OperationName>(
  core: Dispatching,
  operation: K,
  input: OperationInput<K>,
  door: CallContext['door'] = 'ipc',
): Promise<OperationOutput<K>> {
  const result = await core.dispatcher.dispatch(operation, input, { door });
  if (!result.ok) throw new Error(`${operation} failed: [${result.error.code}] ${result.error.message}`);
  return contract[operation].output.parse(result.value) as OperationOutput<K>;
}

/** Runs one operation that must fail, returning its serialized error. */
export async function callFailing(
  core: Dispatching,
  operation: string,
  input: unknown,
  door: CallContext['door'] = 'ipc',
): Promise<SerializedError> {
  const result = await core.dispatcher.dispatch(operation, input, { door });
  if (result.ok) throw new Error(`${operation} unexpectedly succeeded: ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}
