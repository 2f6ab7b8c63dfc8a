import type { EventName, EventPayload, OperationName, OpRequest, OpResponse } from '../../../shared/ipc';
import { BridgeError, type Bridge } from './bridge';
import { createListenerMap } from './listeners';

type Handler<K extends OperationName> = (req: OpRequest<K>) => OpResponse<K> | Promise<OpResponse<K>>;
export type MockHandlers = { [K in OperationName]?: Handler<K> };

export interface MockBridge extends Bridge {
  /** Pushes an event to the renderer as the host would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Every call made, in order. */
  calls: { op: OperationName; request: unknown }[];
}

/** Creates an in-memory bridge for screen tests; unhandled operations fail with UNKNOWN_OPERATION. */
export function createMockBridge(handlers: MockHandlers): MockBridge {
  const listeners = createListenerMap();
  const calls: MockBridge['calls'] = [];
  return {
    kind: 'mock',
    calls,
    async invoke(op, request) {
      calls.push({ op, request });
      const h = handlers[op] as Handler<typeof op> | undefined;
      if (!h) throw new BridgeError('UNKNOWN_OPERATION', `mock has no ${op}`);
      return h(request);
    },
    on: (event, listener) => listeners.add(event, listener as (p: unknown) => void),
    onConnection(listener) {
      listener('open');
      return () => {};
    },
    emit(event, payload) {
      listeners.emit(event, payload);
    },
  };
}
