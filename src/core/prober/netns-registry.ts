import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../log';
import { createSystemClock, type Clock, type TimerHandle } from '../util';
import { targetToWire, type WireReply } from './netns-protocol';
import { describeInvalidProbe, invalidProbe } from './probe-validation';
import type { ProbeOptions, ProbeOutcome, ProbeTarget, Prober, ProberKind, ProberRegistry } from './types';

export interface NetnsRegistryOptions {
  netns: string;
  logger?: Logger;
  /** The worker command run under `ip netns exec NS`; default: node + the worker next to this file. */
  workerCommand?: string[];
  /** Time for the restart backoff and the answer guard; default the system clock. */
  clock?: Clock;
  /** Where `ip netns` keeps named namespaces; default /var/run/netns. */
  netnsDir?: string;
}

/** The worker command: the built `netns-worker.js` beside this module, else the TypeScript source via tsx. */
export function defaultWorkerCommand(): string[] {
  const js = join(__dirname, 'netns-worker.js');
  if (existsSync(js)) return [process.execPath, js];
  return [process.execPath, '--import', 'tsx', join(__dirname, 'netns-worker.ts')];
}

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** How long past its own timeout a probe may take in the worker before the registry gives up on it. */
const ANSWER_GRACE_MS = 2000;

interface Pending {
  resolve: (o: ProbeOutcome) => void;
  timer: TimerHandle;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | null;
}

/**
 * Creates a registry whose probes run inside a network namespace, in one worker process started with
 * `ip netns exec` (Node cannot setns a single thread). Worker death fails the probes in flight with
 * INTERNAL and restarts the worker with backoff; a missing namespace is a clear INTERNAL result.
 */
export function createNetnsProberRegistry(options: NetnsRegistryOptions): ProberRegistry {
  const { netns, logger } = options;
  const clock = options.clock ?? createSystemClock();
  const netnsDir = options.netnsDir ?? '/var/run/netns';
  const command = options.workerCommand ?? defaultWorkerCommand();
  const pending = new Map<number, Pending>();
  let child: ChildProcessWithoutNullStreams | null = null;
  let nextId = 1;
  let lastError = '';
  let backoffMs = MIN_BACKOFF_MS;
  let notBefore = 0;
  let disposed = false;

  const settle = (id: number, outcome: ProbeOutcome): void => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clock.clearTimeout(p.timer);
    if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
    p.resolve(outcome);
  };
  const failAll = (detail: string): void => {
    for (const id of [...pending.keys()]) settle(id, { ok: false, code: 'INTERNAL', detail, durationMs: 0 });
  };
  /** Records why the worker is not running, logs it, and backs off before the next start. */
  const fail = (detail: string): void => {
    lastError = detail;
    if (!disposed) logger?.error('netns-worker-down', { netns, reason: detail, retryInMs: backoffMs });
    notBefore = clock.now() + backoffMs;
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    failAll(detail);
  };

  const start = (): ChildProcessWithoutNullStreams | null => {
    if (child || disposed || clock.now() < notBefore) return child;
    // `ip netns exec` would say the same on stderr, but checking the file gives a stable answer.
    if (netns.includes('/') || !existsSync(join(netnsDir, netns))) {
      fail(`netns ${netns}: no such namespace`);
      return null;
    }
    const c = spawn('ip', ['netns', 'exec', netns, ...command], { stdio: ['pipe', 'pipe', 'pipe'] });
    child = c;
    let stderr = '';
    c.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-500)));
    createInterface({ input: c.stdout }).on('line', (line) => {
      let reply: WireReply;
      try {
        reply = JSON.parse(line) as WireReply;
      } catch {
        return;
      }
      backoffMs = MIN_BACKOFF_MS;
      settle(reply.id, reply.outcome);
    });
    const onExit = (why: string): void => {
      if (child !== c) return;
      child = null;
      const text = stderr.trim().split('\n').pop() ?? '';
      fail(`netns ${netns}: probe worker ${why}${text ? `: ${text}` : ''}`);
    };
    c.on('error', (e) => onExit(`could not start (${e.message})`));
    c.on('exit', (code, sig) => onExit(`exited (${sig ?? code})`));
    c.stdin.on('error', () => {});
    return c;
  };

  const send = (kind: ProberKind, target: ProbeTarget, opts: ProbeOptions, resolve: (o: ProbeOutcome) => void): void => {
    const t0 = clock.now();
    // Checked here: a target the worker cannot read would otherwise cost every probe in flight.
    const invalid = describeInvalidProbe(target, opts);
    if (invalid) return resolve(invalidProbe(invalid));
    const wireTarget = targetToWire(target);
    if (opts.signal?.aborted) return resolve(aborted(kind, 0));
    const c = start();
    if (!c) return resolve({ ok: false, code: 'INTERNAL', detail: lastError || `netns ${netns}: probe worker not running`, durationMs: 0 });
    const id = nextId++;
    // The worker bounds the probe by timeoutMs; this guard covers a worker that stops answering.
    const timer = clock.setTimeout(
      () => settle(id, { ok: false, code: 'INTERNAL', detail: `netns ${netns}: probe worker did not answer`, durationMs: clock.now() - t0 }),
      opts.timeoutMs + ANSWER_GRACE_MS,
    );
    // The worker's own probe runs on to its timeout; its late answer finds no pending entry and is dropped.
    const onAbort = opts.signal ? () => settle(id, aborted(kind, clock.now() - t0)) : null;
    pending.set(id, { resolve, timer, signal: opts.signal, onAbort });
    if (onAbort) opts.signal?.addEventListener('abort', onAbort, { once: true });
    c.stdin.write(JSON.stringify({ id, target: wireTarget, timeoutMs: opts.timeoutMs }) + '\n');
  };

  const makeProber = (kind: ProberKind): Prober => ({
    kind,
    probe: (target, opts) =>
      new Promise<ProbeOutcome>((resolve) => {
        try {
          send(kind, target, opts, resolve);
        } catch (e) {
          resolve(invalidProbe((e as Error).message));
        }
      }),
  });
  const probers = new Map<ProberKind, Prober>((['http', 'https', 'tcp', 'icmp'] as const).map((k) => [k, makeProber(k)]));
  return {
    get: (kind) => probers.get(kind) ?? makeProber(kind),
    dispose: async () => {
      disposed = true;
      const c = child;
      child = null;
      failAll(`netns ${netns}: prober disposed`);
      if (c) {
        c.stdin.end();
        await new Promise<void>((r) => {
          const t = setTimeout(() => (c.kill('SIGKILL'), r()), 2000);
          c.once('exit', () => (clearTimeout(t), r()));
        });
      }
    },
  };
}

/** The result of an aborted probe: a timeout-like failure of the probe's own family. */
function aborted(kind: ProberKind, durationMs: number): ProbeOutcome {
  return { ok: false, code: kind === 'icmp' ? 'ICMPTOUT' : 'L4TOUT', detail: 'probe aborted', durationMs };
}
