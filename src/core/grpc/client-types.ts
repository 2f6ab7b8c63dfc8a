import type {
  BackendInfo,
  CheckerEvent,
  ConnectionState,
  FrontendInfo,
  HealthCheckInfo,
  LogLevel,
} from '../../shared/model';
import type { Logger } from '../log';
import type { Clock, RandomSource, Result } from '../util';
import type { VppSnapshot } from './vpp-types';

/** PEM contents (not paths: the caller reads files, so TLS material stays where it is read). */
export interface ClientTls {
  /** Trusted CA; system roots when absent. */
  ca?: string | Buffer;
  /** Client certificate and key, for mutual TLS. */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Name to verify in the server certificate instead of the address's host. */
  serverName?: string;
}

export interface MaglevClientOptions {
  /** `host:port` or `[v6]:port` of the daemon. */
  address: string;
  /** null/absent = plaintext. */
  tls?: ClientTls | null;
  clock: Clock;
  random: RandomSource;
  logger: Logger;
  /** HTTP/2 keepalive ping interval; a peer that misses the ack for `keepaliveTimeoutMs` is dropped. */
  keepaliveMs?: number;
  keepaliveTimeoutMs?: number;
  /** Deadline of every unary call (default 10 s). */
  deadlineMs?: number;
  /** Reconnect backoff (defaults: 500 ms initial, 15 s cap, ±20 % jitter). */
  backoff?: { initialMs?: number; maxMs?: number; multiplier?: number; jitter?: number };
  /** Log level asked of the daemon's event stream; null = no log events (default 'info'). */
  logLevel?: LogLevel | null;
  /** Transitions kept per backend across resyncs (default 100). */
  historyLimit?: number;
  /** Get* calls in flight at once during a resync (default 32). */
  resyncConcurrency?: number;
  /** Path of maglev.proto when it cannot be found from the package root. */
  protoPath?: string;
}

/** Connection state of a remote site, as the UI shows it. */
export interface RemoteStatus {
  state: ConnectionState;
  lastError: string | null;
  lastContactMs: number | null;
}

/** The outcome of CheckConfig / ReloadConfig on the daemon's own file. */
export interface DaemonConfigResult {
  ok: boolean;
  parseError: string;
  semanticError: string;
}

/**
 * What the client emits: the daemon's checker events (each backend transition exactly once, also
 * those learned by a resync), connection status changes, `resync` after every full resync (reread
 * everything), and `frontend-info` when a frontend's pools/weights were refreshed.
 */
export type RemoteEvent =
  | CheckerEvent
  | { type: 'status'; status: RemoteStatus }
  | { type: 'resync' }
  | { type: 'frontend-info'; frontend: string };

/** A remote maglevd seen through gRPC: a local snapshot plus actions. Never throws. */
export interface MaglevClient {
  status(): RemoteStatus;
  listFrontends(): string[];
  getFrontend(name: string): FrontendInfo | undefined;
  listBackends(): string[];
  /** The backend with its merged transition history (newest first). */
  getBackend(name: string): BackendInfo | undefined;
  listHealthChecks(): string[];
  getHealthCheck(name: string): HealthCheckInfo | undefined;
  /** The daemon's VPP data, or null when it has none (UNAVAILABLE) or is not reached yet. */
  vpp(): VppSnapshot | null;
  /** Fetches the VPP data again (counters move); null when the daemon has no VPP. */
  refreshVpp(): Promise<Result<VppSnapshot | null>>;
  pause(backend: string): Promise<Result<BackendInfo>>;
  resume(backend: string): Promise<Result<BackendInfo>>;
  enable(backend: string): Promise<Result<BackendInfo>>;
  disable(backend: string): Promise<Result<BackendInfo>>;
  setWeight(frontend: string, pool: string, backend: string, weight: number): Promise<Result<FrontendInfo>>;
  checkConfig(): Promise<Result<DaemonConfigResult>>;
  reloadConfig(): Promise<Result<DaemonConfigResult>>;
  /** Changes the log level of the event stream (reopens the stream with a resync). */
  setLogLevel(level: LogLevel | null): void;
  /** Adds a listener (must not throw); returns unsubscribe. */
  subscribe(listener: (event: RemoteEvent) => void): () => void;
  /** Stops reconnecting, cancels the stream and closes the channel. */
  close(): Promise<void>;
}
