import type { CairnBridge } from '../../src-shared/api';
import type { OperationInput, OperationName, OperationOutput } from '../../src-shared/contract';
import { createBridge, type Call } from './bridge';
import { toCairnError } from './errors';

declare global {
  interface Window {
    /** Present only inside the Electron window, installed by the sandboxed preload. */
    cairn?: CairnBridge;
  }
}

type LooseMethod<K extends OperationName> = (input?: OperationInput<K>) => Promise<OperationOutput<K>>;

/** The desktop door: `window.cairn` from the preload, with failures normalised to CairnError. */
export function createIpcClient(bridge: CairnBridge): CairnBridge {
  const call: Call = async (name, input) => {
    // CairnApi[K] is a conditional type the compiler cannot call generically; each member is
    // exactly this shape, only with `input` required for some operations.
    const method = bridge[name] as LooseMethod<typeof name>;
    try {
      return await method.call(bridge, input);
    } catch (error) {
      throw toCairnError(error);
    }
  };
  return createBridge(call, (event, listener) => bridge.on(event, listener));
}
