import * as grpc from '@grpc/grpc-js';
import type { AppError, Result } from '../util';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { MaglevClient as GrpcMaglevClient, MaglevDefinition } from './generated/maglev/Maglev';
import type { MaglevProto } from './proto';
import type { ClientTls } from './client-types';

/** A unary method of the generated client, called with options and a callback. */
export type UnaryMethod<Req, Res> = (
  req: Req,
  options: grpc.CallOptions,
  cb: grpc.requestCallback<Res>,
) => grpc.ClientUnaryCall;

/** Turns a gRPC error into an AppError whose code is the status name (`NOT_FOUND`, `UNAVAILABLE`, …). */
export function statusError(e: Partial<grpc.ServiceError>): AppError {
  const code = typeof e.code === 'number' ? (grpc.status[e.code] ?? 'UNKNOWN') : 'UNKNOWN';
  return { code, message: e.details || e.message || code };
}

/** Calls a unary RPC with a deadline; resolves with a Result, never rejects. */
export function callUnary<Req, Res>(
  method: UnaryMethod<Req, Res>,
  req: Req,
  deadlineMs: number,
): Promise<Result<Res>> {
  return new Promise((resolve) => {
    try {
      // grpc deadlines are wall-clock dates by nature, so this one uses Date.now, not the injected clock.
      method(req, { deadline: new Date(Date.now() + deadlineMs) }, (e, value) =>
        resolve(e || value === undefined ? { ok: false, error: statusError(e ?? {}) } : { ok: true, value }),
      );
    } catch (e) {
      resolve({
        ok: false,
        error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
      });
    }
  });
}

/** The unary RPCs of the Maglev service (all but WatchEvents). */
export type UnaryRpc =
  | 'ListFrontends'
  | 'GetFrontend'
  | 'ListBackends'
  | 'GetBackend'
  | 'PauseBackend'
  | 'ResumeBackend'
  | 'EnableBackend'
  | 'DisableBackend'
  | 'ListHealthChecks'
  | 'GetHealthCheck'
  | 'SetFrontendPoolBackendWeight'
  | 'CheckConfig'
  | 'ReloadConfig'
  | 'GetVPPInfo'
  | 'GetVPPLBState'
  | 'SyncVPPLBState'
  | 'GetVPPLBCounters';
/* eslint-disable @typescript-eslint/no-explicit-any -- `infer` positions */
export type RpcRequest<K extends UnaryRpc> =
  MaglevDefinition[K] extends MethodDefinition<infer Req, any, any, any> ? Req : never;
export type RpcResponse<K extends UnaryRpc> =
  MaglevDefinition[K] extends MethodDefinition<any, any, any, infer Res> ? Res : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Calls the unary RPC `name` on `client` with a deadline; resolves with a Result, never rejects. */
export function rpc<K extends UnaryRpc>(
  client: GrpcMaglevClient,
  name: K,
  req: RpcRequest<K>,
  deadlineMs: number,
): Promise<Result<RpcResponse<K>>> {
  const methods = client as unknown as Record<K, UnaryMethod<RpcRequest<K>, RpcResponse<K>>>;
  return callUnary((q, o, cb) => methods[name].call(client, q, o, cb), req, deadlineMs);
}

/** Runs `fn` over `items` with at most `limit` in flight; stops at the first failure. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<Result<R>>,
): Promise<Result<R[]>> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failed: AppError | null = null;
  const worker = async (): Promise<void> => {
    while (failed === null && next < items.length) {
      const i = next++;
      const r = await fn(items[i]!);
      if (r.ok) out[i] = r.value;
      else failed ??= r.error;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return failed ? { ok: false, error: failed } : { ok: true, value: out };
}

function pem(v: string | Buffer | undefined): Buffer | null {
  if (v === undefined) return null;
  return typeof v === 'string' ? Buffer.from(v) : v;
}

export interface ChannelSettings {
  address: string;
  tls: ClientTls | null;
  keepaliveMs: number;
  keepaliveTimeoutMs: number;
}

/**
 * Creates a fresh channel. Each connection attempt gets its own channel with a local subchannel
 * pool, so grpc-js's internal reconnect backoff never stacks on ours: our backoff (injected clock
 * and random) is the only one deciding when to try again.
 */
export function createChannel(proto: MaglevProto, s: ChannelSettings): GrpcMaglevClient {
  const creds = s.tls
    ? grpc.credentials.createSsl(pem(s.tls.ca), pem(s.tls.key), pem(s.tls.cert))
    : grpc.credentials.createInsecure();
  const options: grpc.ChannelOptions = {
    'grpc.keepalive_time_ms': s.keepaliveMs,
    'grpc.keepalive_timeout_ms': s.keepaliveTimeoutMs,
    'grpc.keepalive_permit_without_calls': 1,
    'grpc.use_local_subchannel_pool': 1,
    'grpc.enable_retries': 0,
    ...(s.tls?.serverName
      ? { 'grpc.ssl_target_name_override': s.tls.serverName, 'grpc.default_authority': s.tls.serverName }
      : {}),
  };
  return new proto.maglev.Maglev(s.address, creds, options);
}
