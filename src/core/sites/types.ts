import type {
  BackendInfo,
  BackendRow,
  CheckerEvent,
  ConfigDiff,
  ConnectionState,
  FrontendInfo,
  HealthCheckInfo,
  LogRecord,
  ProbeSamplesDto,
  SiteSpec,
  SiteSummary,
  TransitionRecord,
} from '../../shared/model';
import type { Envelope, EventName, EventPayload, OperationName, OpResponse } from '../../shared/ipc';
import type { Result } from '../util';
import type { Loaded } from './config-adapter';

export interface SiteStatus {
  state: ConnectionState;
  lastError: string | null;
  lastContactMs: number | null;
}

export interface TransitionQuery {
  frontend?: string;
  backend?: string;
  states?: string[];
  fromMs?: number;
  toMs?: number;
  limit?: number;
}

/** Outcome of a daemon-style config check or reload (CheckConfig / ReloadConfig). */
export interface DaemonConfigOutcome {
  ok: boolean;
  parseError: string;
  semanticError: string;
}

/** What a site emits: checker events plus status changes and wholesale resyncs. */
export type SiteEvent =
  | CheckerEvent
  | { type: 'status'; status: SiteStatus }
  | { type: 'resync' }
  | { type: 'probing'; backend: string; probing: boolean };

/**
 * One watched Maglev site. `local` runs the checker in this process (or a worker) on a config file;
 * `remote` is a gRPC client of a maglevd. The UI never knows which.
 */
export interface Site {
  readonly id: string;
  readonly spec: SiteSpec;
  readonly demo: boolean;
  status(): SiteStatus;
  summary(): SiteSummary;
  listFrontends(): FrontendInfo[];
  getFrontend(name: string): FrontendInfo | undefined;
  listBackends(): BackendRow[];
  getBackend(name: string): BackendRow | undefined;
  listHealthChecks(): HealthCheckInfo[];
  getHealthCheck(name: string): HealthCheckInfo | undefined;
  history(backends: string[], fromMs?: number, toMs?: number): ProbeSamplesDto[];
  /** Site-wide transition log (longer than each backend's `transition-history`), newest first. */
  transitions(query: TransitionQuery): TransitionRecord[];
  recentLogs(level: LogRecord['level'], limit?: number): LogRecord[];
  pause(backend: string): Promise<Result<BackendInfo>>;
  resume(backend: string): Promise<Result<BackendInfo>>;
  enable(backend: string): Promise<Result<BackendInfo>>;
  disable(backend: string): Promise<Result<BackendInfo>>;
  setWeight(frontend: string, pool: string, backend: string, weight: number): Promise<Result<FrontendInfo>>;
  readConfig(): Promise<Result<{ path: string; text: string; editable: boolean; legacy: boolean }>>;
  /** Diff of `text` against the running config (local), or null when the site cannot tell (remote). */
  diffConfig(text: string, loaded?: Loaded): Promise<Result<ConfigDiff | null>>;
  /** Local: validate → save atomically → reload. Remote: FAILED_PRECONDITION. */
  applyConfig(text: string, loaded?: Loaded): Promise<Result<{ diff: ConfigDiff; elapsedMs: number; savedTo: string }>>;
  checkConfig(): Promise<Result<DaemonConfigOutcome>>;
  reloadConfig(): Promise<Result<DaemonConfigOutcome>>;
  /** Subscribes to the site's events; the listener must not throw. Returns unsubscribe. */
  subscribe(listener: (event: SiteEvent) => void): () => void;
  dispose(): Promise<void>;
}

/** Who asked: for read-only enforcement and the audit log. */
export interface RequestContext {
  readOnly: boolean;
  user: string;
  host: string;
  origin: 'electron' | 'web';
}

/**
 * The host side of the IPC contract: validates a raw payload against the contract, dispatches it to the
 * site manager and returns an envelope. Used by Electron main (via the utility process) and the web host.
 */
export interface SiteService {
  invoke<K extends OperationName>(
    name: string,
    payload: unknown,
    ctx: RequestContext,
  ): Promise<Envelope<OpResponse<K>>>;
  /** Batched events (≤ every 100 ms, coalesced per backend). Returns unsubscribe. */
  onEvent(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void;
  /** Sets the log level pushed for a site (shared by all listeners of this service). */
  dispose(): Promise<void>;
}
