import type { CairnBridge } from '../../src-shared/api';
import type { OperationInput, OperationName, OperationOutput } from '../../src-shared/contract';
import type { Subscribe } from '../../src-shared/events';

/** One way to run any operation; each transport supplies its own. */
export type Call = <K extends OperationName>(name: K, input: OperationInput<K> | undefined) => Promise<OperationOutput<K>>;

/**
 * Builds the typed client from a transport's `call`. Listing each operation by name (rather than
 * mapping over a runtime list) lets the compiler check the table is complete and every input and
 * output type matches the contract.
 */
export function createBridge(call: Call, on: Subscribe): CairnBridge {
  return {
    'thoughts.capture': (input) => call('thoughts.capture', input),
    'thoughts.list': (input) => call('thoughts.list', input),
    'thoughts.get': (input) => call('thoughts.get', input),
    'thoughts.update': (input) => call('thoughts.update', input),
    'thoughts.archive': (input) => call('thoughts.archive', input),
    'thoughts.unarchive': (input) => call('thoughts.unarchive', input),
    'thoughts.delete': (input) => call('thoughts.delete', input),
    'thoughts.restore': (input) => call('thoughts.restore', input),
    'thoughts.history': (input) => call('thoughts.history', input),
    'search.query': (input) => call('search.query', input),
    'settings.get': (input) => call('settings.get', input),
    'settings.update': (input) => call('settings.update', input),
    'system.health': (input) => call('system.health', input),
    'thoughts.related': (input) => call('thoughts.related', input),
    'suggestions.list': (input) => call('suggestions.list', input),
    'suggestions.accept': (input) => call('suggestions.accept', input),
    'suggestions.dismiss': (input) => call('suggestions.dismiss', input),
    'tags.accept': (input) => call('tags.accept', input),
    'tags.remove': (input) => call('tags.remove', input),
    'index.status': (input) => call('index.status', input),
    on,
  };
}
