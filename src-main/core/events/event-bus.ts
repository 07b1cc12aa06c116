import { eventsContract, type EventName, type EventPayload } from '../../../src-shared/events';

export type AnyEventListener = <K extends EventName>(event: K, payload: EventPayload<K>) => void;

/** Main-side fan-out of contract events to the transports (IPC windows, HTTP streams). */
export interface EventBus {
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
  /** Every event; returns the unsubscribe function. */
  subscribe(listener: AnyEventListener): () => void;
}

export function createEventBus(onListenerError: (error: unknown) => void): EventBus {
  const listeners = new Set<AnyEventListener>();
  return {
    emit(event, payload) {
      // Validated here so a malformed payload is caught at its source, not in a window.
      const parsed = eventsContract[event].parse(payload) as EventPayload<typeof event>;
      for (const listener of listeners) {
        try {
          listener(event, parsed);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
