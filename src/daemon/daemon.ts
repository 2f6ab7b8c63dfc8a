import { readFile } from 'node:fs/promises';
import type { LogLevel } from '../shared/model';
import { createChecker, type Checker } from '../core/checker';
import { formatIssue, loadConfigFile, type Config, type LoadResult } from '../core/config';
import {
  createMaglevServer,
  listenGrpc,
  loadMaglevProto,
  splitHostPort,
  type ConfigOutcome,
  type GrpcListener,
  type ServerTls,
} from '../core/grpc';
import { createLogger, createStreamSink, type Logger, type LogSink } from '../core/log';
import { createProberRegistry, type ProberRegistry } from '../core/prober';
import { createSystemClock, type Clock, type RandomSource } from '../core/util';
import { createConfigReader } from './config-reader';
import { createDaemonMetrics, startMetricsServer, type DaemonMetrics, type MetricsServer } from './metrics';

export interface DaemonOptions {
  configPath: string;
  /** `HOST:PORT` or `:PORT` (all interfaces); default `:9090`. */
  grpcAddr?: string;
  logLevel?: LogLevel;
  /** Server reflection (default on). */
  reflection?: boolean;
  /** PEM files; `clientCaFile` turns on mutual TLS. */
  tls?: { certFile: string; keyFile: string; clientCaFile?: string | null } | null;
  /** `HOST:PORT` of the Prometheus endpoint; null = off. */
  metricsAddr?: string | null;
  /** Where log records go (default: key=value lines on stderr at `logLevel`). */
  logSink?: LogSink;
  clock?: Clock;
  random?: RandomSource;
}

/** A running daemon: config + checker + gRPC server (+ metrics). */
export interface RunningDaemon {
  /** The bound gRPC `host:port`. */
  address: string;
  port: number;
  metricsAddress: string | null;
  checker: Checker;
  /** Re-reads the config file and applies it when valid (SIGHUP, ReloadConfig); serialised. */
  reload(): Promise<ConfigOutcome>;
  /** Ends event streams, drains calls, stops the checker (SIGTERM). */
  stop(): Promise<void>;
}

/** Why the daemon did not start: the exit code (1 parse/IO, 2 semantic, like --check) and what to print. */
export interface DaemonStartError {
  exitCode: 1 | 2;
  message: string;
}

export type DaemonStart = { ok: true; daemon: RunningDaemon } | { ok: false; error: DaemonStartError };

/** Reads and validates the config file; issues are formatted `FILE:LINE:COL: PATH: MESSAGE`, one a line. */
async function readConfig(
  path: string,
  log: Logger,
  load: (path: string) => Promise<LoadResult> = loadConfigFile,
): Promise<{ ok: true; config: Config } | (ConfigOutcome & { ok: false })> {
  const r = await load(path);
  if (!r.ok)
    return { ok: false, kind: r.kind, message: r.issues.map((i) => formatIssue(path, i)).join('\n') };
  for (const w of r.warnings) log.warn('config-warning', { issue: formatIssue(path, w) });
  return { ok: true, config: r.config };
}

async function readTls(tls: DaemonOptions['tls']): Promise<ServerTls | null> {
  if (!tls) return null;
  const [cert, key, clientCa] = await Promise.all([
    readFile(tls.certFile),
    readFile(tls.keyFile),
    tls.clientCaFile ? readFile(tls.clientCaFile) : Promise.resolve(null),
  ]);
  return { cert, key, clientCa };
}

/** The running checker and what the gRPC service needs around it. */
interface Core {
  checker: Checker;
  reload(): Promise<ConfigOutcome>;
  checkDisk(): Promise<ConfigOutcome>;
  release(): Promise<void>;
}

/** Creates the probers and the checker, starts probing, and serialises reloads. */
function startCore(config: Config, opts: DaemonOptions, sink: LogSink, clock: Clock, log: Logger): Core {
  const probers: ProberRegistry = createProberRegistry({
    netns: config.healthchecker.netns,
    logger: createLogger('prober', sink, clock.now),
  });
  const checker = createChecker({
    config,
    probers,
    clock,
    random: opts.random ?? Math.random,
    logger: createLogger('checker', sink, clock.now),
  });
  checker.start();
  // Later loads (reload, check) parse on a worker thread: the checker is running by then.
  const reader = createConfigReader(createLogger('config', sink, clock.now));
  const load = (path: string): Promise<LoadResult> => reader.read(path);
  let reloading: Promise<unknown> = Promise.resolve();
  return {
    checker,
    reload() {
      const run = reloading.then(() => reloadOnce(opts.configPath, checker, log, load));
      reloading = run;
      return run;
    },
    async checkDisk() {
      const r = await readConfig(opts.configPath, log, load);
      return r.ok ? { ok: true } : r;
    },
    async release() {
      await checker.stop();
      await probers.dispose();
      await reader.dispose();
    },
  };
}

/** Starts the headless daemon in this process: load config, start the checker, serve gRPC. */
export async function startDaemon(opts: DaemonOptions): Promise<DaemonStart> {
  const clock = opts.clock ?? createSystemClock();
  const sink = opts.logSink ?? createStreamSink(opts.logLevel ?? 'info');
  const log = createLogger('daemon', sink, clock.now);
  const first = await readConfig(opts.configPath, log);
  if (!first.ok) return failed(first.kind === 'parse' ? 1 : 2, first.message);
  let tls: ServerTls | null;
  try {
    tls = await readTls(opts.tls);
  } catch (e) {
    return failed(1, `cannot read TLS material: ${(e as Error).message}`);
  }
  const core = startCore(first.config, opts, sink, clock, log);
  const proto = loadMaglevProto();
  const grpcLog = createLogger('grpc.server', sink, clock.now);
  const service = createMaglevServer({
    checker: core.checker,
    proto,
    logger: grpcLog,
    now: clock.now,
    reloadFromDisk: core.reload,
    checkDisk: core.checkDisk,
  });
  const address = opts.grpcAddr ?? ':9090';
  let listener: GrpcListener;
  try {
    listener = await listenGrpc({
      address,
      service,
      proto,
      logger: grpcLog,
      reflection: opts.reflection,
      tls,
    });
  } catch (e) {
    await core.release();
    return failed(1, `cannot listen on ${address}: ${(e as Error).message}`);
  }
  const metrics = await startMetrics(
    opts.metricsAddr ?? null,
    core.checker,
    createLogger('metrics', sink, clock.now),
  );
  if (!metrics.ok) {
    await listener.shutdown(0);
    await core.release();
    return failed(1, metrics.message);
  }
  log.info('grpc-listening', {
    address: listener.address,
    port: listener.port,
    tls: tls ? (tls.clientCa ? 'mtls' : 'tls') : 'off',
    reflection: opts.reflection !== false,
  });
  if (metrics.server) log.info('metrics-listening', { address: metrics.server.address });

  let stopping: Promise<void> | null = null;
  const stop = async (): Promise<void> => {
    log.info('stopping', { streams: service.openStreams() });
    await listener.shutdown(5000);
    metrics.collector?.dispose();
    await metrics.server?.close();
    await core.release();
    log.info('stopped');
  };
  return {
    ok: true,
    daemon: {
      address: listener.address,
      port: listener.port,
      metricsAddress: metrics.server?.address ?? null,
      checker: core.checker,
      reload: core.reload,
      stop: () => (stopping ??= stop()),
    },
  };
}

function failed(exitCode: 1 | 2, message: string): DaemonStart {
  return { ok: false, error: { exitCode, message } };
}

async function reloadOnce(
  path: string,
  checker: Checker,
  log: Logger,
  load: (path: string) => Promise<LoadResult>,
): Promise<ConfigOutcome> {
  const r = await readConfig(path, log, load);
  if (!r.ok) {
    log.error('reload-rejected', { kind: r.kind, file: path });
    for (const line of r.message.split('\n')) log.error('config-issue', { issue: line });
    return r;
  }
  if (r.config.healthchecker.netns !== checker.config().healthchecker.netns) {
    log.warn('netns-change-needs-restart', { netns: r.config.healthchecker.netns });
  }
  const { diff, elapsedMs } = checker.reload(r.config);
  log.info('config-reloaded', {
    file: path,
    added: diff.backends.added.length,
    removed: diff.backends.removed.length,
    restarted: diff.backends.restarted.length,
    elapsedMs: Math.round(elapsedMs),
  });
  return { ok: true };
}

async function startMetrics(
  addr: string | null,
  checker: Checker,
  log: Logger,
): Promise<
  { ok: true; server: MetricsServer | null; collector: DaemonMetrics | null } | { ok: false; message: string }
> {
  if (!addr) return { ok: true, server: null, collector: null };
  const hp = splitHostPort(addr);
  if (!hp) return { ok: false, message: `bad --metrics-addr "${addr}" (want HOST:PORT or :PORT)` };
  const collector = createDaemonMetrics(checker, log);
  try {
    return { ok: true, server: await startMetricsServer(hp.host, hp.port, collector), collector };
  } catch (e) {
    collector.dispose();
    return { ok: false, message: `cannot listen on ${addr} for metrics: ${(e as Error).message}` };
  }
}
