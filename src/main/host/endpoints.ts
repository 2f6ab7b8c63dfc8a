/**
 * Adapters from concrete transports to MessageEndpoint: Electron's utilityProcess (main side) and
 * parentPort (host side), worker_threads ports (tests, Node hosts), and an in-process pair (tests).
 */
import type { MessageEndpoint } from './host-protocol';

/** The part of Electron's UtilityProcess the main side uses. */
export interface ChildLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/** The part of Electron's `process.parentPort` the host side uses. */
export interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** The part of a worker_threads MessagePort (or Worker, or parentPort) used here. */
export interface NodePortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/** Wraps a utilityProcess child (main side). */
export function childEndpoint<In, Out>(child: ChildLike): MessageEndpoint<In, Out> {
  return {
    post: (m) => child.postMessage(m),
    onMessage(listener) {
      const l = (m: unknown): void => listener(m as In);
      child.on('message', l);
      return () => void child.off('message', l);
    },
  };
}

/** Wraps Electron's `process.parentPort` (host side); its messages arrive as `{ data }`. */
export function parentPortEndpoint<In, Out>(port: ParentPortLike): MessageEndpoint<In, Out> {
  return {
    post: (m) => port.postMessage(m),
    onMessage(listener) {
      const l = (e: { data: unknown }): void => listener(e.data as In);
      port.on('message', l);
      return () => void port.off('message', l);
    },
  };
}

/** Wraps a worker_threads MessagePort, Worker or worker parentPort. */
export function nodePortEndpoint<In, Out>(port: NodePortLike): MessageEndpoint<In, Out> {
  return childEndpoint<In, Out>(port);
}

/**
 * Creates two connected in-process endpoints. Delivery is asynchronous and goes through
 * structuredClone, like a real process boundary, so tests catch uncloneable messages.
 */
export function createEndpointPair<A, B>(): [MessageEndpoint<B, A>, MessageEndpoint<A, B>] {
  const toA = new Set<(m: B) => void>();
  const toB = new Set<(m: A) => void>();
  const deliver = <M>(targets: Set<(m: M) => void>, m: M): void => {
    const copy = structuredClone(m);
    queueMicrotask(() => {
      for (const l of targets) l(copy);
    });
  };
  const side = <In, Out>(inbox: Set<(m: In) => void>, outbox: Set<(m: Out) => void>): MessageEndpoint<In, Out> => ({
    post: (m) => deliver(outbox, m),
    onMessage(listener) {
      inbox.add(listener);
      return () => void inbox.delete(listener);
    },
  });
  return [side<B, A>(toA, toB), side<A, B>(toB, toA)];
}
