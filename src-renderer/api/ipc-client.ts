import type { CairnBridge, PreloadBridge, TransportResult } from '../../src-shared/api';
import type { OperationOutput } from '../../src-shared/contract';
import { createBridge, type Call } from './bridge';
import { CairnError, isErrorCode, toCairnError } from './errors';

declare global {
  interface Window {
    /** Present only inside the Electron window, installed by the sandboxed preload. */
    cairn?: PreloadBridge;
  }
}

/**
 * The desktop door: `window.cairn` from the preload. Its methods resolve `{ ok, value | error }`;
 * this turns failures back into CairnErrors so stores see the same thing as over HTTP.
 */
export function createIpcClient(bridge: PreloadBridge): CairnBridge {
  const call: Call = async (name, input) => {
    let result: TransportResult<OperationOutput<typeof name>>;
    try {
      // PreloadBridge[K] is a mapped member the compiler cannot call generically; each one is
      // exactly this shape.
      const method = bridge[name] as (input: unknown) => Promise<TransportResult<OperationOutput<typeof name>>>;
      result = await method(input);
    } catch (error) {
      // Only a broken preload or a closed window gets here.
      throw toCairnError(error);
    }
    if (result.ok) return result.value;
    const { code, message, details } = result.error;
    throw new CairnError(isErrorCode(code) ? code : 'internal', message, details);
  };
  return createBridge(call, (event, listener) => bridge.on(event, listener));
}
