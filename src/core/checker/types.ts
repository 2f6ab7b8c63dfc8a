import type {
  BackendInfo,
  CheckerEvent,
  FrontendInfo,
  HealthCheckInfo,
  LogLevel,
  ConfigDiff,
} from '../../shared/model';
import type { Config } from '../config';

/** Subscription options: which event families, and the subscriber's own log level. */
export interface SubscribeOptions {
  backend?: boolean;
  frontend?: boolean;
  /** null/undefined = no log events; otherwise log records at this level and above. */
  logLevel?: LogLevel | null;
  /** Events buffered before the subscriber starts losing them (default 4096). */
  capacity?: number;
  /** Send one synthetic FrontendEvent per frontend (from == to) first. Default true. */
  initialFrontendEvents?: boolean;
}

/** What a subscriber reads: events in emit order, or a marker that `count` events were lost. */
export type SubscriptionItem = CheckerEvent | { type: 'dropped'; count: number };

/** A bounded per-subscriber queue. The checker never blocks on it. */
export interface EventSubscription extends AsyncIterable<SubscriptionItem> {
  /** Takes everything queued now (a `dropped` marker first if events were lost). */
  drain(): SubscriptionItem[];
  /** Calls `cb` (once) when items become available or the subscription ends; returns an unregister function. */
  onReadable(cb: () => void): () => void;
  close(): void;
  readonly closed: boolean;
}

/** Per-backend probe history for graphs (a bounded ring of typed arrays). */
export interface ProbeSamples {
  backend: string;
  /** Unix ms per sample, ascending. */
  atMs: number[];
  durationMs: number[];
  ok: boolean[];
  code: string[];
  /** Backend state after each sample. */
  state: string[];
}

export type ActionError = { code: 'NOT_FOUND' | 'INVALID_ARGUMENT' | 'FAILED_PRECONDITION'; message: string };
export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ActionError };

export interface ReloadSummary {
  diff: ConfigDiff;
  /** Wall time the reload took inside the checker. */
  elapsedMs: number;
}

/** Read-only view of a checker, what the gRPC server and the site layer need for queries. */
export interface CheckerView {
  config(): Config;
  listFrontends(): string[];
  getFrontend(name: string): FrontendInfo | undefined;
  listBackends(): string[];
  getBackend(name: string): BackendInfo | undefined;
  listHealthChecks(): string[];
  getHealthCheck(name: string): HealthCheckInfo | undefined;
  /** Whether a probe of this backend is in flight now (the UI's heartbeat). */
  isProbing(name: string): boolean;
  history(name: string, fromMs?: number, toMs?: number): ProbeSamples | undefined;
  subscribe(options?: SubscribeOptions): EventSubscription;
}

/** The running health checker of one site (spec/health.md). */
export interface Checker extends CheckerView {
  /** Starts every worker with the startup stagger. */
  start(): void;
  /** Applies a new, already validated config without interrupting unchanged backends. */
  reload(config: Config): ReloadSummary;
  pause(backend: string): ActionResult<BackendInfo>;
  resume(backend: string): ActionResult<BackendInfo>;
  enable(backend: string): ActionResult<BackendInfo>;
  disable(backend: string): ActionResult<BackendInfo>;
  /** Changes a configured weight at run time (until the next reload); emits no transition. */
  setWeight(frontend: string, pool: string, backend: string, weight: number): ActionResult<FrontendInfo>;
  /** Stops every worker, aborts probes in flight, closes subscriptions. */
  stop(): Promise<void>;
}
