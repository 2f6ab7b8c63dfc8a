/**
 * The tiny request/response protocol between Electron main and the site host (a utilityProcess in the
 * app, a worker or an in-process pair in tests). Messages are plain objects so that structured clone
 * carries them unchanged across any of those transports.
 */
import type { Envelope } from '../../shared/ipc';
import type { RequestContext } from '../../core/sites';

/** Main → host. */
export type ToHostMessage =
  | { kind: 'invoke'; id: number; name: string; payload: unknown; ctx: RequestContext }
  | { kind: 'dispose' };

/** Host → main. */
export type FromHostMessage =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; event: string; payload: unknown }
  | { kind: 'disposed' }
  | { kind: 'fatal'; message: string };

/** One side of a message transport; `onMessage` returns its unsubscribe function. */
export interface MessageEndpoint<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): () => void;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Tells whether a message from the host is well formed (the host is ours, but a crash can garble it). */
export function isFromHostMessage(v: unknown): v is FromHostMessage {
  if (!isRecord(v)) return false;
  switch (v.kind) {
    case 'ready':
    case 'disposed':
      return true;
    case 'result':
      return typeof v.id === 'number' && isRecord(v.envelope) && typeof v.envelope.ok === 'boolean';
    case 'event':
      return typeof v.event === 'string';
    case 'fatal':
      return typeof v.message === 'string';
    default:
      return false;
  }
}

/** Tells whether a message from main is well formed. */
export function isToHostMessage(v: unknown): v is ToHostMessage {
  if (!isRecord(v)) return false;
  if (v.kind === 'dispose') return true;
  return v.kind === 'invoke' && typeof v.id === 'number' && typeof v.name === 'string' && isRecord(v.ctx);
}
