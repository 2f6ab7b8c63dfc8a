/**
 * The contract over WebSocket frames (shared/ipc/ws-protocol.ts), with the same checks as Electron IPC:
 * the operation must be in the contract, the payload must parse against its request schema, a read-only
 * host refuses mutations. Malformed frames get an error value and the connection stays open; the only
 * frames that close it are oversized ones (ws enforces `maxPayload`). Events go to every client; a
 * client too slow to keep up is dropped (it reconnects and refetches) instead of buffering without end.
 */
import type { WebSocket } from 'ws';
import {
  WsRequestSchema,
  isOperationName,
  operations,
  type Envelope,
  type WsEvent,
  type WsResponse,
} from '../shared/ipc';
import type { RequestContext, SiteService } from '../core/sites';
import type { Logger } from '../core/log';
import { toAppError } from '../core/util';

export interface WsBridgeOptions {
  service: SiteService;
  readOnly: boolean;
  logger: Logger;
  /** Requests one client may have in flight. */
  maxInFlight?: number;
  /** Bytes queued for one client before it is dropped. */
  maxBufferedBytes?: number;
}

export interface WsBridge {
  /** Serves one authenticated connection. */
  accept(ws: WebSocket, ctx: RequestContext): void;
  clientCount(): number;
  close(): void;
}

const fail = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

/** Creates the bridge; it subscribes to the service's events while it is open. */
export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const { service, logger } = options;
  const maxInFlight = options.maxInFlight ?? 64;
  const maxBuffered = options.maxBufferedBytes ?? 32 * 1024 * 1024;
  const clients = new Set<WebSocket>();

  const sendTo = (ws: WebSocket, text: string): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > maxBuffered) {
      logger.warn('dropping a client that does not keep up', { buffered: ws.bufferedAmount });
      ws.terminate();
      return;
    }
    ws.send(text);
  };

  const unsubscribe = service.onEvent((event, payload) => {
    const text = JSON.stringify({ event, payload } satisfies WsEvent);
    for (const ws of clients) sendTo(ws, text);
  });

  const dispatch = async (op: string, payload: unknown, ctx: RequestContext): Promise<Envelope<unknown>> => {
    if (!isOperationName(op)) return fail('UNKNOWN_OPERATION', `unknown operation ${JSON.stringify(op)}`);
    const parsed = operations[op].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return fail('INVALID_REQUEST', `${op}: ${first ? `${first.path.join('.') || '(payload)'}: ${first.message}` : 'bad payload'}`);
    }
    if (operations[op].mutates && options.readOnly) return fail('READ_ONLY', `${op} is refused: this host is read-only`);
    try {
      return await service.invoke(op, parsed.data, ctx);
    } catch (e) {
      logger.error('site service threw', { op, err: e });
      return { ok: false, error: toAppError(e) };
    }
  };

  const onFrame = async (ws: WebSocket, ctx: RequestContext, data: Buffer, isBinary: boolean, inFlight: { n: number }) => {
    const reply = (id: number, result: Envelope<unknown>): void => sendTo(ws, JSON.stringify({ id, result } satisfies WsResponse));
    if (isBinary) return reply(-1, fail('INVALID_REQUEST', 'binary frames are not accepted'));
    let message: unknown;
    try {
      message = JSON.parse(data.toString('utf8'));
    } catch {
      return reply(-1, fail('INVALID_REQUEST', 'the frame is not JSON'));
    }
    const req = WsRequestSchema.safeParse(message);
    if (!req.success) {
      const id = (message as { id?: unknown } | null)?.id;
      return reply(Number.isSafeInteger(id) ? (id as number) : -1, fail('INVALID_REQUEST', 'a request is {id, op, payload}'));
    }
    if (inFlight.n >= maxInFlight) return reply(req.data.id, fail('UNAVAILABLE', 'too many requests in flight'));
    inFlight.n++;
    try {
      reply(req.data.id, await dispatch(req.data.op, req.data.payload, ctx));
    } finally {
      inFlight.n--;
    }
  };

  return {
    accept(ws, ctx) {
      const inFlight = { n: 0 };
      clients.add(ws);
      ws.on('message', (data, isBinary) => void onFrame(ws, ctx, toBuffer(data), isBinary, inFlight));
      ws.on('close', () => clients.delete(ws));
      ws.on('error', (e) => logger.warn('client socket error', { err: e }));
    },
    clientCount: () => clients.size,
    close() {
      unsubscribe();
      for (const ws of clients) ws.close(1001, 'host shutting down');
      clients.clear();
    },
  };
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
