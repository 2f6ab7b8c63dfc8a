// A probe worker thread: receives batches of probe requests, runs the in-process probers on its own
// event loop (so sockets and parsing spread over cores), and answers in batches. Entry file.
import { parentPort } from 'node:worker_threads';
import { createHttpProber } from './http-prober';
import { createIcmpProber } from './icmp-prober';
import { targetFromWire, type WireReply, type WireRequest } from './netns-protocol';
import { createTcpProber } from './tcp-prober';
import type { Prober, ProberKind, ProbeTarget } from './types';

const icmp = createIcmpProber();
const probers: Record<ProberKind, Prober> = { http: createHttpProber({ kind: 'http' }), https: createHttpProber({ kind: 'https' }), tcp: createTcpProber(), icmp };
/** Targets by the main thread's target id, so each target is decoded (and its regexp compiled) once. */
const targets = new Map<number, ProbeTarget>();
let out: WireReply[] = [];

function flush(): void {
  const batch = out;
  out = [];
  parentPort?.postMessage(batch);
}

parentPort?.on('message', (msg: { define?: { tid: number; target: WireRequest['target'] }[]; forget?: number[]; probes?: { id: number; tid: number; timeoutMs: number }[] }) => {
  for (const d of msg.define ?? []) targets.set(d.tid, targetFromWire(d.target));
  for (const tid of msg.forget ?? []) targets.delete(tid);
  for (const p of msg.probes ?? []) {
    const target = targets.get(p.tid);
    if (!target) {
      out.push({ id: p.id, outcome: { ok: false, code: 'INTERNAL', detail: 'probe thread lost its target', durationMs: 0 } });
      continue;
    }
    void probers[target.kind].probe(target, { timeoutMs: p.timeoutMs }).then((outcome) => {
      if (out.length === 0) setImmediate(flush);
      out.push({ id: p.id, outcome });
    });
  }
  if (out.length > 0) setImmediate(flush);
});
