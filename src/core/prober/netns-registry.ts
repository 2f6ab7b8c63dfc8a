import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log';
import { createSystemClock, type Clock, type TimerHandle } from '../util';
import {
  createLineSplitter,
  decodeReply,
  encodeDefine,
  encodeForget,
  encodeProbe,
  targetToWire,
} from './netns-protocol';
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
/** How often the answer guard looks at the probes in flight (one timer for all of them). */
const SWEEP_MS = 1000;

interface Pending {
  resolve: (o: ProbeOutcome) => void;
  t0: number;
  deadline: number;
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
  // Each target object gets an id and its wire JSON once; each worker learns it once (`defined`).
  const wire = new WeakMap<ProbeTarget, { tid: number; json: string }>();
  let defined = new Set<number>();
  const collected = new FinalizationRegistry<number>((tid) => {
    if (defined.delete(tid)) queue(encodeForget(tid));
  });
  let child: ChildProcessWithoutNullStreams | null = null;
  let out: string[] = [];
  let nextId = 1;
  let nextTid = 1;
  let lastError = '';
  let backoffMs = MIN_BACKOFF_MS;
  let notBefore = 0;
  let sweepTimer: TimerHandle | null = null;
  let disposed = false;

  // Lines go out in one write per event-loop turn.
  const flush = (): void => {
    if (out.length > 0) child?.stdin.write(out.join(''));
    out = [];
  };
  const queue = (line: string): void => {
    if (out.length === 0) setImmediate(flush);
    out.push(line);
  };

  const settle = (id: number, outcome: ProbeOutcome): void => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
    p.resolve(outcome);
  };
  const failAll = (detail: string): void => {
    for (const id of [...pending.keys()]) settle(id, { ok: false, code: 'INTERNAL', detail, durationMs: 0 });
  };
  // The worker bounds each probe by its timeout; the guard covers a worker that stops answering.
  const sweep = (): void => {
    sweepTimer = null;
    const now = clock.now();
    for (const [id, p] of pending)
      if (p.deadline <= now)
        settle(id, { ok: false, code: 'INTERNAL', detail: `netns ${netns}: probe worker did not answer`, durationMs: now - p.t0 });
    if (pending.size > 0 && !disposed) sweepTimer = clock.setTimeout(sweep, SWEEP_MS);
  };

  /** Records why the worker is not running, logs it, and backs off before the next start. */
  const fail = (detail: string): void => {
    lastError = detail;
    if (!disposed) logger?.error('netns-worker-down', { netns, reason: detail, retryInMs: backoffMs });
    notBefore = clock.now() + backoffMs;
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    out = [];
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
    defined = new Set();
    let stderr = '';
    c.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-500)));
    c.stdout.setEncoding('utf8');
    c.stdout.on(
      'data',
      createLineSplitter((line) => {
        const reply = decodeReply(line);
        if (!reply) return;
        backoffMs = MIN_BACKOFF_MS;
        settle(reply.id, reply.outcome);
      }),
    );
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
    // Checked here: a target the worker cannot read would otherwise cost every probe in flight.
    const invalid = describeInvalidProbe(target, opts);
    if (invalid) return resolve(invalidProbe(invalid));
    if (opts.signal?.aborted) return resolve(aborted(kind, 0));
    if (!start())
      return resolve({ ok: false, code: 'INTERNAL', detail: lastError || `netns ${netns}: probe worker not running`, durationMs: 0 });
    let w = wire.get(target);
    if (!w) {
      w = { tid: nextTid++, json: JSON.stringify(targetToWire(target)) };
      wire.set(target, w);
      collected.register(target, w.tid);
    }
    if (!defined.has(w.tid)) {
      defined.add(w.tid);
      queue(encodeDefine(w.tid, w.json));
    }
    const id = nextId++;
    const t0 = clock.now();
    // The worker's own probe runs on to its timeout; its late answer finds no pending entry and is dropped.
    const onAbort = opts.signal ? () => settle(id, aborted(kind, clock.now() - t0)) : null;
    pending.set(id, { resolve, t0, deadline: t0 + opts.timeoutMs + ANSWER_GRACE_MS, signal: opts.signal, onAbort });
    if (onAbort) opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (sweepTimer === null) sweepTimer = clock.setTimeout(sweep, SWEEP_MS);
    queue(encodeProbe(id, w.tid, opts.timeoutMs));
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
      if (sweepTimer !== null) clock.clearTimeout(sweepTimer);
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
