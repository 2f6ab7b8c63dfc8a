import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log';
import { targetToWire, type WireReply } from './netns-protocol';
import type { ProbeOutcome, ProbeTarget, Prober, ProberKind, ProberRegistry } from './types';

interface Lane {
  worker: Worker;
  defined: Set<number>;
  define: { tid: number; target: ReturnType<typeof targetToWire> }[];
  probes: { id: number; tid: number; timeoutMs: number }[];
  scheduled: boolean;
}

/** The worker file: built `probe-thread.js` beside this module, else the TypeScript source through tsx. */
function startThread(): Worker {
  const js = join(__dirname, 'probe-thread.js');
  if (existsSync(js)) return new Worker(js);
  // From source (tests, tsx): register tsx's require hook inside the thread, then load the entry.
  const ts = join(__dirname, 'probe-thread.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(ts)});`, { eval: true });
}

/**
 * Creates a registry that runs probes on `threads` worker threads, so one checker uses several cores.
 * Each target sticks to one thread (its decoded form and request bytes stay cached there); requests
 * and answers cross in batches per event-loop turn to keep the messaging cost per probe small.
 */
export function createThreadedProberRegistry(options: { threads: number; logger?: Logger }): ProberRegistry {
  const pending = new Map<number, { resolve: (o: ProbeOutcome) => void; timer: ReturnType<typeof setTimeout>; onAbort?: () => void; signal?: AbortSignal }>();
  const tids = new WeakMap<ProbeTarget, number>();
  let nextTid = 1;
  let nextId = 1;
  let disposed = false;

  const settle = (id: number, o: ProbeOutcome): void => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
    p.resolve(o);
  };
  const lanes: Lane[] = Array.from({ length: Math.max(1, options.threads) }, () => {
    const worker = startThread();
    worker.unref();
    worker.on('message', (batch: WireReply[]) => {
      for (const r of batch) settle(r.id, r.outcome);
    });
    worker.on('error', (e) => options.logger?.error('probe-thread-error', { error: e.message }));
    return { worker, defined: new Set<number>(), define: [], probes: [], scheduled: false };
  });
  const flush = (lane: Lane): void => {
    lane.scheduled = false;
    lane.worker.postMessage({ define: lane.define, probes: lane.probes });
    lane.define = [];
    lane.probes = [];
  };

  const probe = (target: ProbeTarget, opts: { timeoutMs: number; signal?: AbortSignal }): Promise<ProbeOutcome> =>
    new Promise((resolve) => {
      if (disposed) return resolve({ ok: false, code: 'INTERNAL', detail: 'prober disposed', durationMs: 0 });
      // An abort event never fires again on a signal that is already aborted.
      if (opts.signal?.aborted) return resolve({ ok: false, code: abortCode(target.kind), detail: 'probe aborted', durationMs: 0 });
      let tid = tids.get(target);
      if (tid === undefined) {
        tid = nextTid++;
        tids.set(target, tid);
      }
      const lane = lanes[tid % lanes.length]!;
      if (!lane.defined.has(tid)) {
        lane.defined.add(tid);
        lane.define.push({ tid, target: targetToWire(target) });
      }
      const id = nextId++;
      const t0 = performance.now();
      // The thread bounds the probe by timeoutMs; this guard covers a thread that stops answering.
      const timer = setTimeout(() => settle(id, { ok: false, code: 'INTERNAL', detail: 'probe thread did not answer', durationMs: performance.now() - t0 }), opts.timeoutMs + 2000);
      const entry: { resolve: (o: ProbeOutcome) => void; timer: ReturnType<typeof setTimeout>; onAbort?: () => void; signal?: AbortSignal } = { resolve, timer };
      if (opts.signal) {
        entry.signal = opts.signal;
        const code = abortCode(target.kind);
        entry.onAbort = () => settle(id, { ok: false, code, detail: 'probe aborted', durationMs: performance.now() - t0 });
        opts.signal.addEventListener('abort', entry.onAbort, { once: true });
      }
      pending.set(id, entry);
      lane.probes.push({ id, tid, timeoutMs: opts.timeoutMs });
      if (!lane.scheduled) {
        lane.scheduled = true;
        setImmediate(() => flush(lane));
      }
    });

  const probers = new Map<ProberKind, Prober>((['http', 'https', 'tcp', 'icmp'] as const).map((kind) => [kind, { kind, probe }]));
  return {
    get: (kind) => probers.get(kind)!,
    dispose: async () => {
      disposed = true;
      for (const id of [...pending.keys()]) settle(id, { ok: false, code: 'INTERNAL', detail: 'prober disposed', durationMs: 0 });
      await Promise.all(lanes.map((l) => l.worker.terminate()));
    },
  };
}

/** The timeout-like code an aborted probe of this kind reports. */
function abortCode(kind: ProberKind): ProbeOutcome['code'] {
  return kind === 'icmp' ? 'ICMPTOUT' : 'L4TOUT';
}
