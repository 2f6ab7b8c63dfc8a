export { createMaglevServer } from './server';
export type { ConfigOutcome, MaglevServerDeps, MaglevService } from './server';
export { listenGrpc, splitHostPort } from './listen';
export type { GrpcListener, ListenOptions, ServerTls } from './listen';
export { loadMaglevProto, findProtoFile, PROTO_LOADER_OPTIONS } from './proto';
export type { MaglevProto } from './proto';
export { createMaglevClient } from './client';
export type {
  ClientTls,
  DaemonConfigResult,
  MaglevClient,
  MaglevClientOptions,
  RemoteEvent,
  RemoteStatus,
} from './client-types';
export { createBackoff } from './backoff';
export type { Backoff, BackoffOptions } from './backoff';
export { msToNs, nsToMs } from './nanos';
export type * from './vpp-types';
