// WatchEvents fan-out benchmark (issue 8): a real checker whose fake prober flips every result (rise 1,
// fall 1, so every probe is a transition: ~1,000 transitions/s with 1,000 backends at 1 s), served over
// real gRPC on 127.0.0.1:0 to 50 WatchEvents streams (clients in a worker thread), one of which never reads. Reports, per reading
// subscriber, the backend events received after a mark (all must be equal and none may see
// `events-dropped`), and the checker's probe-interval percentiles without and with the subscribers.
//
// It also reports the event-loop utilisation of the daemon side (checker + gRPC server) and of the
// subscribers' thread over the window, and the load average: when a reader thread is saturated, what
// it loses says nothing about the daemon.
//
//   npm run bench:fanout -- [--backends 1000] [--subscribers 50] [--window 6] [--full-decode]
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createChecker } from '../src/core/checker';
import { loadConfig } from '../src/core/config';
import { createLogger, NULL_SINK } from '../src/core/log';
import type { Prober, ProberKind, ProberRegistry, ProbeTarget } from '../src/core/prober';
import { createSystemClock } from '../src/core/util';
import { numberArg, serveChecker } from './bench-support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One HTTP check with rise 1 / fall 1 and every interval at 1 s, so each flipped result is a transition. */
function configText(n: number): string {
  const lines = [
    'maglev:',
    '  healthchecks:',
    '    hc:',
    '      type: http',
    '      port: 8080',
    '      params: { path: /healthz, response-code: 200 }',
    '      interval: 1s',
    '      fast-interval: 1s',
    '      down-interval: 1s',
    '      timeout: 1s',
    '      rise: 1',
    '      fall: 1',
    '  backends:',
  ];
  for (let i = 0; i < n; i++)
    lines.push(`    b${i}: { address: 127.1.${Math.floor(i / 250)}.${1 + (i % 250)}, healthcheck: hc }`);
  return `${lines.join('\n')}\n`;
}

/** Flips each address's result on every probe and records probe start times (for interval percentiles). */
function flippingRegistry(starts: Map<string, number[]>, flipping: { on: boolean }): ProberRegistry {
  const last = new Map<string, boolean>();
  const prober = (kind: ProberKind): Prober => ({
    kind,
    probe: (target: ProbeTarget) => {
      const now = performance.now();
      const list = starts.get(target.address);
      if (list) list.push(now);
      else starts.set(target.address, [now]);
      const ok = flipping.on ? !(last.get(target.address) ?? false) : true;
      last.set(target.address, ok);
      const outcome = ok
        ? { ok: true as const, code: 'L7OK' as const, detail: '200', durationMs: 0 }
        : { ok: false as const, code: 'L7STS' as const, detail: '503', durationMs: 0 };
      return new Promise((resolve) => setImmediate(() => resolve(outcome)));
    },
  });
  return { get: prober, dispose: async () => {} };
}

/**
 * CPU ms (user + system) of this process's main thread so far (Linux /proc; NaN elsewhere): unlike
 * event-loop utilisation it does not count the time the thread waited for a core on a busy machine.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

/** Percentiles of the gaps between consecutive probes of each backend within [from, to]. */
function intervalPercentiles(starts: Map<string, number[]>, from: number, to: number) {
  const gaps: number[] = [];
  for (const list of starts.values()) {
    const w = list.filter((t) => t >= from && t <= to);
    for (let k = 1; k < w.length; k++) gaps.push((w[k] as number) - (w[k - 1] as number));
  }
  gaps.sort((a, b) => a - b);
  const p = (q: number) => +(gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))] ?? NaN).toFixed(1);
  return {
    p50: p(0.5),
    p99: p(0.99),
    max: p(1),
    probesPerS: +(gaps.length / ((to - from) / 1000)).toFixed(0),
  };
}

async function main(): Promise<void> {
  const n = numberArg('backends', 1000);
  const subCount = numberArg('subscribers', 50);
  const windowMs = numberArg('window', 6) * 1000;
  const r = loadConfig(configText(n), { fileName: 'fanout.yaml' });
  if (!r.ok) throw new Error(`bench config does not load: ${r.issues[0]?.message}`);
  const starts = new Map<string, number[]>();
  const flipping = { on: true };
  const clock = createSystemClock();
  const checker = createChecker({
    config: r.config,
    probers: flippingRegistry(starts, flipping),
    clock,
    random: Math.random,
  });
  const { service, listener } = await serveChecker(checker, clock.now, createLogger('bench', NULL_SINK));
  checker.start();
  await sleep(2000);
  const a0 = performance.now();
  const eluAlone0 = performance.eventLoopUtilization();
  const cpuAlone0 = mainThreadCpuMs();
  await sleep(windowMs);
  const cpuAlone = (mainThreadCpuMs() - cpuAlone0) / (windowMs / 1000);
  const without = intervalPercentiles(starts, a0, performance.now());
  const eluAlone = +performance.eventLoopUtilization(eluAlone0).utilization.toFixed(2);

  let markMs = Infinity;
  // Ground truth: an in-process subscription with room for everything counts the transitions after the mark.
  const truth = checker.subscribe({ backend: true, capacity: 1_000_000, initialFrontendEvents: false });
  const truthCount = { afterMark: 0, dropped: 0 };
  const pump = (): void => {
    for (const it of truth.drain()) {
      if (it.type === 'dropped') truthCount.dropped += it.count;
      else if (it.type === 'backend' && it.transition.atMs >= markMs) truthCount.afterMark++;
    }
    if (!truth.closed) truth.onReadable(pump);
  };
  pump();
  const worker = new Worker(join(__dirname, 'bench-fanout-subscribers.mjs'), {
    workerData: {
      address: listener.address,
      count: subCount,
      proto: join(__dirname, '..', 'proto', 'maglev.proto'),
      fullDecode: process.argv.includes('--full-decode'),
    },
  });
  type Report = { afterMark: number; dropped: number }[];
  const report = () =>
    new Promise<Report>((resolve) => {
      const onMessage = (m: { report?: Report }): void => {
        if (!m.report) return;
        worker.off('message', onMessage);
        resolve(m.report);
      };
      worker.on('message', onMessage);
      worker.postMessage({ report: true });
    });
  // The mark may only be set once every subscription is live in the daemon: on a busy machine the
  // worker needs well over a second to load grpc-js and connect 50 streams, and a mark set before
  // that made every reader "miss" the same first events after it, without any drop notice (the
  // unexplained 47 of 3,441 in an earlier run; reproduced under load with 25 and 93 events).
  await new Promise<void>((resolve) => {
    worker.on('message', (m: { ready?: boolean }) => {
      if (m.ready) resolve();
    });
  });
  while (service.openStreams() < subCount) await sleep(50);
  // The mark lies 500 ms ahead so that the worker knows it before any event it applies to arrives.
  markMs = Date.now() + 500;
  worker.postMessage({ mark: markMs });
  await sleep(500);
  const b0 = performance.now();
  const elu0 = {
    main: performance.eventLoopUtilization(),
    worker: worker.performance.eventLoopUtilization(),
  };
  const cpu0 = mainThreadCpuMs();
  await sleep(windowMs);
  const cpuWith = (mainThreadCpuMs() - cpu0) / (windowMs / 1000);
  const withSubs = intervalPercentiles(starts, b0, performance.now());
  const elu = {
    daemonWithout: eluAlone,
    daemon: +performance.eventLoopUtilization(elu0.main).utilization.toFixed(2),
    readers: +worker.performance.eventLoopUtilization(elu0.worker).utilization.toFixed(2),
  };
  const load1 = +(loadavg()[0] ?? 0).toFixed(2);
  flipping.on = false; // quiesce: every backend goes (or stays) up once, then no more transitions
  // Wait until every reader has caught up with the truth (or was told of a loss, or makes no
  // progress for 3 s; at most 60 s): a reader behind at the end is counted apart from one that lost.
  const quiescedAt = performance.now();
  let all = await report();
  let readers = all.slice(1);
  for (let prev = -1, still = 0; performance.now() - quiescedAt < 60_000 && still < 6;) {
    await sleep(500);
    all = await report();
    readers = all.slice(1);
    const settled = performance.now() - quiescedAt > 1500; // quiesced: the truth no longer moves
    if (settled && readers.every((x) => x.afterMark >= truthCount.afterMark || x.dropped > 0)) break;
    const sum = readers.reduce((a, x) => a + x.afterMark, 0);
    still = sum === prev ? still + 1 : 0;
    prev = sum;
  }
  const catchUpS = +((performance.now() - quiescedAt) / 1000).toFixed(1);
  const counts = readers.map((s) => s.afterMark);
  const result = {
    backends: n,
    subscribers: subCount,
    stalled: 1,
    windowS: windowMs / 1000,
    transitionsPerS: +(truthCount.afterMark / (windowMs / 1000)).toFixed(0),
    transitionsAfterMark: truthCount.afterMark,
    readerEventsMin: Math.min(...counts),
    readerEventsMax: Math.max(...counts),
    readersMissingEvents: counts.filter((c) => c !== truthCount.afterMark).length,
    readersReportingDrops: readers.filter((s) => s.dropped > 0).length,
    readersBehindUntold: readers.filter((s) => s.afterMark < truthCount.afterMark && s.dropped === 0).length,
    catchUpS,
    stalledEventsAfterMark: all[0]?.afterMark ?? 0,
    streamsOpen: service.openStreams(),
    decode: process.argv.includes('--full-decode') ? 'full' : 'light',
    eventLoopUtilisation: elu,
    checkerThreadCpuMsPerS: { without: Math.round(cpuAlone), with: Math.round(cpuWith) },
    loadAverage1m: load1,
    intervalWithout: without,
    intervalWith: withSubs,
  };
  console.log(JSON.stringify(result));
  truth.close();
  worker.postMessage({ close: true });
  await listener.shutdown(500);
  await checker.stop();
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(`bench:fanout: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
