// Plain http and tcp probes run by native/probe-helper.c (one epoll thread in its own process), so a probe
// costs the checker a 13-byte frame instead of a socket object: the checker's scheduling, state machine
// and verdict wording stay here. Targets the helper cannot run (TLS, body regexp, icmp) go to `fallback`.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from '../log';
import { unwatchAbort, watchAbort } from './abort-watch';
import { httpRequestBytes } from './http-prober';
import {
  FrameReader,
  FrameWriter,
  NATIVE_PROTOCOL_VERSION,
  nativeOutcome,
  runsNatively,
  type NativeResult,
} from './native-protocol';
import type { RateGate } from './rate-gate';
import type { ProbeOptions, ProbeOutcome, Prober, ProbeTarget } from './types';

/** Restarts allowed within RESTART_WINDOW_MS before the helper is given up for the in-process probers. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
/** A probe the helper has not answered this long after its own timeout is failed here. */
const GUARD_MS = 2_000;

/** One probe waiting for its result; it is its own abort watcher (abort-watch.ts). */
class Pending {
  constructor(
    readonly id: number,
    readonly target: ProbeTarget,
    readonly timeoutMs: number,
    readonly guardAt: number,
    readonly resolve: (o: ProbeOutcome) => void,
    readonly signal: AbortSignal | undefined,
    private readonly helper: NativeProbeHelper,
    /** Runs the probe in-process if the helper is lost before it answers. */
    readonly retry: Prober | undefined,
  ) {}

  onAbort(): void {
    this.helper.abort(this);
  }
}

interface TargetId {
  tid: number;
  gen: number;
}

export interface NativeProbeHelperOptions {
  /** The helper binary (default: `findProbeHelper()`). */
  path: string;
  logger?: Logger;
  /** User-Agent of http probes (default: the project's). */
  userAgent?: string;
  /** How long after its own timeout an unanswered probe is failed here (default 2 s; tests shorten it). */
  guardMs?: number;
}

/** The helper process: started on the first probe, restarted after a crash (a few times), batched I/O. */
export class NativeProbeHelper {
  private child: ChildProcess | null = null;
  private gen = 0;
  private nextId = 1;
  private nextTid = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly tids = new WeakMap<ProbeTarget, TargetId>();
  private readonly forget = new FinalizationRegistry<TargetId>((t) => {
    if (t.gen === this.gen && this.child) this.queue('F', t.tid);
  });
  private writer = new FrameWriter();
  private flushScheduled = false;
  private sweeper: ReturnType<typeof setInterval> | null = null;
  private restarts: number[] = [];
  private disposed = false;
  /** False once the helper failed too often: every probe then goes to the fallback. */
  usable = true;

  private readonly guardMs: number;

  constructor(private readonly options: NativeProbeHelperOptions) {
    this.guardMs = options.guardMs ?? GUARD_MS;
  }

  /** @internal The helper's process id while it runs (tests). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Runs one probe on the helper. With `retry`, a probe in flight when the helper is lost runs again on
   * `retry` for the rest of its timeout, so a helper crash is not a failed probe of every backend.
   */
  probe(target: ProbeTarget, options: ProbeOptions, retry?: Prober): Promise<ProbeOutcome> {
    return new Promise((resolve) => {
      if (options.signal?.aborted) {
        resolve({ ok: false, code: 'L4TOUT', detail: 'probe aborted', durationMs: 0 });
        return;
      }
      if (!this.available()) {
        resolve({ ok: false, code: 'INTERNAL', detail: 'probe helper unavailable', durationMs: 0 });
        return;
      }
      let t = this.tids.get(target);
      if (!t || t.gen !== this.gen) {
        t = { tid: this.nextTid++, gen: this.gen };
        this.tids.set(target, t);
        this.forget.register(target, t);
        this.writer.define(
          t.tid,
          target,
          target.kind === 'http' ? httpRequestBytes(target, this.options.userAgent) : Buffer.alloc(0),
        );
      }
      const id = this.nextId;
      this.nextId = this.nextId >= 0xfffffff0 ? 1 : this.nextId + 1;
      const p = new Pending(
        id,
        target,
        options.timeoutMs,
        performance.now() + options.timeoutMs + this.guardMs,
        resolve,
        options.signal,
        this,
        retry,
      );
      if (options.signal) watchAbort(options.signal, p);
      this.pending.set(id, p);
      this.writer.probe(id, t.tid, options.timeoutMs);
      this.scheduleFlush();
    });
  }

  /** Whether probes can go to the helper now: it runs, or it could be (re)started. */
  available(): boolean {
    return this.child !== null || this.start();
  }

  /** @internal The probe's signal fired: answer at once and let the helper close the socket. */
  abort(p: Pending): void {
    if (this.pending.get(p.id) !== p) return;
    this.settle(p, { ok: false, code: 'L4TOUT', detail: 'probe aborted', durationMs: 0 });
    this.queue('C', p.id);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.failAll('prober disposed');
    const child = this.child;
    this.stop();
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
  }

  private start(): boolean {
    if (this.disposed || !this.usable) return false;
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.usable = false;
      const restarts = this.restarts.length;
      this.options.logger?.error('probe-helper-given-up', { restarts, fallback: 'in-process probers' });
      return false;
    }
    this.restarts.push(now);
    this.gen++;
    this.writer = new FrameWriter();
    const child = spawn(this.options.path, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    let versionSeen = false;
    const reader = new FrameReader(
      (r) => this.onResult(r),
      (v) => {
        versionSeen = true;
        if (v !== NATIVE_PROTOCOL_VERSION)
          this.lost(child, `speaks protocol ${v}, expected ${NATIVE_PROTOCOL_VERSION}`);
      },
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      const bad = reader.push(chunk) ?? (versionSeen ? null : 'did not say its protocol version');
      if (bad) this.lost(child, bad);
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) =>
      this.options.logger?.warn('probe-helper-stderr', { text: text.trim() }),
    );
    child.stdin!.on('error', () => {}); // EPIPE after a crash; 'exit' reports it
    child.on('error', (e) => this.lost(child, e.message));
    child.on('exit', (code, signal) => this.lost(child, `exited (${signal ?? `code ${code}`})`));
    this.sweeper = setInterval(() => this.sweep(), Math.min(1000, this.guardMs));
    this.sweeper.unref();
    this.options.logger?.info('probe-helper-started', { path: this.options.path, pid: child.pid ?? 0 });
    return true;
  }

  /** The helper died or spoke garbage: fail what it had, and start a new one on the next probe. */
  private lost(child: ChildProcess, why: string): void {
    if (this.child !== child) return;
    if (!this.disposed)
      this.options.logger?.error('probe-helper-lost', { reason: why, inFlight: this.pending.size });
    this.stop();
    child.kill('SIGKILL');
    const now = performance.now();
    for (const p of [...this.pending.values()]) {
      const left = Math.floor(p.guardAt - this.guardMs - now);
      if (p.retry && left >= 1 && !p.signal?.aborted) this.retryInProcess(p, p.retry, left);
    }
    this.failAll(`probe helper ${why}`);
  }

  /** Runs a probe the lost helper had again on `retry`, for what is left of its timeout. */
  private retryInProcess(p: Pending, retry: Prober, timeoutMs: number): void {
    this.detach(p);
    retry
      .probe(p.target, { signal: p.signal, timeoutMs })
      .then(p.resolve, (e: unknown) =>
        p.resolve({ ok: false, code: 'INTERNAL', detail: String(e), durationMs: 0 }),
      );
  }

  private stop(): void {
    this.child = null;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  private onResult(r: NativeResult): void {
    const p = this.pending.get(r.id);
    if (p) this.settle(p, nativeOutcome(r, p.target, p.timeoutMs));
  }

  private settle(p: Pending, o: ProbeOutcome): void {
    this.detach(p);
    p.resolve(o);
  }

  /** Forgets a probe here: no result frame, abort or sweep reaches it any more. */
  private detach(p: Pending): void {
    this.pending.delete(p.id);
    if (p.signal) unwatchAbort(p.signal, p);
  }

  private failAll(detail: string): void {
    for (const p of [...this.pending.values()])
      this.settle(p, { ok: false, code: 'INTERNAL', detail, durationMs: 0 });
  }

  /** Fails probes the helper has not answered well after their own timeout (a hung helper). */
  private sweep(): void {
    const now = performance.now();
    for (const p of this.pending.values())
      if (p.guardAt <= now)
        this.settle(p, {
          ok: false,
          code: 'INTERNAL',
          detail: 'probe helper did not answer',
          durationMs: now - p.guardAt + p.timeoutMs + this.guardMs,
        });
  }

  private queue(type: 'C' | 'F', n: number): void {
    this.writer.short(type, n);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.writer.size > 0 && this.child) this.child.stdin!.write(this.writer.take());
    });
  }
}

/**
 * A prober of `fallback.kind` that runs what it can on the helper and the rest on `fallback`
 * (and everything on `fallback` once the helper is given up). Probes the helper loses to a crash are run
 * again on `fallback` for the rest of their timeout. With `gate` (shared by the http and tcp probers of
 * one helper), only while it says the probe rate is high: the helper is not even started until then.
 */
export function createNativeProber(helper: NativeProbeHelper, fallback: Prober, gate?: RateGate): Prober {
  return {
    kind: fallback.kind,
    probe: (target, options) =>
      runsNatively(target) && (gate?.admit() ?? true) && helper.available()
        ? helper.probe(target, options, fallback)
        : fallback.probe(target, options),
  };
}
