/**
 * Builds `window.maglev` from the contract: one named method per operation (`api.backends.setWeight`)
 * and `on(event, cb)` for contract events. Nothing is written by hand, so the API cannot drift from the
 * contract; the page never gets `ipcRenderer` or an IPC event object (which would expose it).
 */
import {
  CHANNEL_PREFIX,
  channelOf,
  events,
  methodPath,
  operations,
  type Envelope,
  type EventName,
  type MaglevApi,
  type OperationName,
} from '../shared/ipc';

/** The part of ipcRenderer the preload uses. */
export interface PreloadIpc {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

const isEventName = (name: string): name is EventName => Object.prototype.hasOwnProperty.call(events, name);

/** Checks the prefix, then invokes; a rejected IPC call becomes an error value, never a throw. */
async function invokeChecked(ipc: PreloadIpc, channel: string, payload: unknown): Promise<Envelope<unknown>> {
  if (!channel.startsWith(CHANNEL_PREFIX)) return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'bad channel' } };
  try {
    return (await ipc.invoke(channel, payload)) as Envelope<unknown>;
  } catch {
    // Electron's message names internals ("Error invoking remote method …"); the page gets a plain one.
    return { ok: false, error: { code: 'UNAVAILABLE', message: 'the app did not answer' } };
  }
}

/** Builds the API object exposed as `window.maglev`. */
export function buildMaglevApi(ipc: PreloadIpc): MaglevApi {
  const api: Record<string, Record<string, (req: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const name of Object.keys(operations) as OperationName[]) {
    const [domain, method] = methodPath(name);
    const channel = channelOf(name);
    (api[domain] ??= {})[method] = (request) => invokeChecked(ipc, channel, request);
  }
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (typeof event !== 'string' || !isEventName(event)) throw new TypeError(`unknown event ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const channel = channelOf(event);
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
    ipc.on(channel, wrapped);
    return () => void ipc.removeListener(channel, wrapped);
  };
  return Object.freeze({ ...api, on }) as unknown as MaglevApi;
}
