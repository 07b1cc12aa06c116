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
    'thoughts.revert': (input) => call('thoughts.revert', input),
    'search.query': (input) => call('search.query', input),
    'settings.get': (input) => call('settings.get', input),
    'settings.update': (input) => call('settings.update', input),
    'system.health': (input) => call('system.health', input),
    'system.diagnostics': (input) => call('system.diagnostics', input),
    'thoughts.related': (input) => call('thoughts.related', input),
    'suggestions.list': (input) => call('suggestions.list', input),
    'suggestions.accept': (input) => call('suggestions.accept', input),
    'suggestions.dismiss': (input) => call('suggestions.dismiss', input),
    'tags.accept': (input) => call('tags.accept', input),
    'tags.remove': (input) => call('tags.remove', input),
    'index.status': (input) => call('index.status', input),
    'index.pause': (input) => call('index.pause', input),
    'index.resume': (input) => call('index.resume', input),
    'tasks.create': (input) => call('tasks.create', input),
    'tasks.list': (input) => call('tasks.list', input),
    'tasks.update': (input) => call('tasks.update', input),
    'tasks.reorder': (input) => call('tasks.reorder', input),
    'tasks.delete': (input) => call('tasks.delete', input),
    'ai.status': (input) => call('ai.status', input),
    'ai.setKey': (input) => call('ai.setKey', input),
    'ai.clearKey': (input) => call('ai.clearKey', input),
    'ai.preview': (input) => call('ai.preview', input),
    'checks.runNow': (input) => call('checks.runNow', input),
    'checks.get': (input) => call('checks.get', input),
    'checks.list': (input) => call('checks.list', input),
    'checks.cancel': (input) => call('checks.cancel', input),
    'insights.list': (input) => call('insights.list', input),
    'insights.pin': (input) => call('insights.pin', input),
    'insights.dismiss': (input) => call('insights.dismiss', input),
    'insights.toTask': (input) => call('insights.toTask', input),
    'goals.create': (input) => call('goals.create', input),
    'goals.update': (input) => call('goals.update', input),
    'goals.list': (input) => call('goals.list', input),
    'goals.get': (input) => call('goals.get', input),
    'goals.decompose': (input) => call('goals.decompose', input),
    'goals.acceptPlan': (input) => call('goals.acceptPlan', input),
    'goals.discardPlan': (input) => call('goals.discardPlan', input),
    'goals.linkThought': (input) => call('goals.linkThought', input),
    'desktop.status': (input) => call('desktop.status', input),
    'desktop.setHotkey': (input) => call('desktop.setHotkey', input),
    on,
  };
}
