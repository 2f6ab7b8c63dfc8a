// Soak (issue 8, not in CI): the real checker and probers against N flapping loopback backends (a farm
// child process, bench-soak-farm.mjs: every probe is a transition), an in-process subscriber reading
// every event (what a local site does), and the gRPC server with one WatchEvents subscriber in a child
// process (bench-soak-watcher.mjs), so this process is the daemon side alone. Every minute it prints RSS
// (floor, median and max of readings every 5 s), V8 heap after two full GCs, external memory, open fds
// and event-loop lag; at the end a verdict: RSS floor, heap, median lag or fds grown by more than 10 %
// from minute 1 (RSS from 30 s on) to the last minute fails (exit 1). The RSS floor, not single readings
// or the median, because those rose and fell by 20-30 % with the machine's load while the heap and the
// floor stayed flat (a starved process holds more memory in flight); a leak raises the floor. Lag growth
// under 10 ms is ignored and p99/max are only printed: on a shared VM they follow the other processes.
//
// The default interval, 5 s, makes 1,000 probes and transitions per second (the fan-out goal's rate). At
// 2 s this 2-vCPU VM, shared with other work, no longer keeps the schedule, and bounded queues filling
// behind a starved process then hide a leak as well as they show one. Probe history rings are capped at
// --history samples (8: full at 40 s), since a ring grows by design up to its capacity (docs/history.md).
//
//   npm run bench:soak -- [--minutes 10] [--backends 5000] [--interval-ms 5000] [--history 8] [--no-grpc]
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createChecker, type Checker } from '../src/core/checker';
import { loadConfig } from '../src/core/config';
import type { GrpcListener } from '../src/core/grpc';
import { createLogger, NULL_SINK } from '../src/core/log';
import { createProberRegistry } from '../src/core/prober';
import { createSystemClock } from '../src/core/util';
import { configText, startFarm } from './bench-soak-site';
import { numberArg, serveChecker } from './bench-support';

const GROWTH_LIMIT = 0.1;
const LAG_NOISE_MS = 10;
const RSS_READING_MS = 5000;
/** Sockets of the probes in flight come and go: fd counts closer than this are the same. */
const FD_NOISE = 100;
const RSS_WARMUP_MS = 30_000;
/** monitorEventLoopDelay records the time between its timer's ticks: lag is that minus the period. */
const LAG_RESOLUTION_MS = 10;
const MiB = 2 ** 20;

/** Open file descriptors of this process (Linux; 0 elsewhere): leaked sockets show here first. */
function openFds(): number {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return 0;
  }
}

/** A full GC (twice: the second collects what the first one's finalizers released). */
function collect(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

interface Sample {
  minute: number;
  /** Median, lowest and highest RSS reading of the minute (every 5 s; minute 1 from 30 s on). */
  rssMiB: number;
  rssMinMiB: number;
  rssMaxMiB: number;
  heapMiB: number;
  heapTotalMiB: number;
  fds: number;
  externalMiB: number;
  lagP50: number;
  lagP99: number;
  lagMax: number;
  transitionsPerS: number;
  grpcEventsPerS: number;
  load1: number;
}

const fmt = (x: number): string => x.toFixed(1);
const lagMs = (ns: number): number => Math.max(0, ns / 1e6 - LAG_RESOLUTION_MS);

async function main(): Promise<void> {
  const minutes = numberArg('minutes', 10);
  // One sample per minute: a fraction would take none and leave nothing to compare.
  if (!Number.isInteger(minutes)) throw new Error('--minutes takes a whole number of minutes');
  const n = numberArg('backends', 5000);
  const intervalMs = numberArg('interval-ms', 5000);
  const history = numberArg('history', 8);
  const sampleMs = numberArg('sample-s', 60) * 1000;
  const withGrpc = !process.argv.includes('--no-grpc');
  const farm = await startFarm(n, Math.ceil(minutes * 60 + 120));
  const loaded = loadConfig(configText(n, farm.port, intervalMs), { fileName: 'soak.yaml' });
  if (!loaded.ok) throw new Error(`soak config does not load: ${loaded.issues[0]?.message}`);
  const clock = createSystemClock();
  const logger = createLogger('soak', NULL_SINK);
  const probers = createProberRegistry({ logger });
  const checker: Checker = createChecker({
    config: loaded.config,
    probers,
    clock,
    random: Math.random,
    logger,
    historyCapacity: history,
  });

  // What a local site does: read every backend, frontend and info log event.
  let transitions = 0;
  let dropped = 0;
  const sub = checker.subscribe({
    backend: true,
    frontend: true,
    logLevel: 'info',
    capacity: 65_536,
    initialFrontendEvents: false,
  });
  const pump = (): void => {
    for (const item of sub.drain()) {
      if (item.type === 'backend') transitions++;
      else if (item.type === 'dropped') dropped += item.count;
    }
    if (!sub.closed) sub.onReadable(pump);
  };
  pump();

  let listener: GrpcListener | null = null;
  let watcher: ChildProcess | null = null;
  if (withGrpc) {
    listener = (await serveChecker(checker, clock.now, logger)).listener;
    const protoPath = join(__dirname, '..', 'proto', 'maglev.proto');
    watcher = fork(join(__dirname, 'bench-soak-watcher.mjs'), [listener.address, protoPath], {
      stdio: 'inherit',
    });
  }
  const watched = (): Promise<{ events: number; dropped: number }> =>
    new Promise((resolve) => {
      if (!watcher) return resolve({ events: 0, dropped: 0 });
      watcher.once('message', (m: { events: number; dropped: number }) => resolve(m));
      watcher.send({ count: true });
    });

  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  lag.enable();
  checker.start();
  console.log(
    `soak: ${n} flapping backends on 127.1.x.y:${farm.port}, interval ${intervalMs} ms, ${minutes} min, history ${history} samples, gRPC watcher ${withGrpc ? 'on' : 'off'}`,
  );

  const samples: Sample[] = [];
  const started = performance.now();
  let lastTransitions = 0;
  let lastRemote = 0;
  let lastAt = started;
  // RSS moves by tens of MiB as the allocator returns and takes pages: one reading per minute is noise.
  let rssReadings: number[] = [];
  const rssTimer = setInterval(() => {
    if (performance.now() - started >= RSS_WARMUP_MS) rssReadings.push(process.memoryUsage.rss() / MiB);
  }, RSS_READING_MS);
  for (let minute = 1; minute <= minutes; minute++) {
    await new Promise((r) => setTimeout(r, started + minute * sampleMs - performance.now()));
    const now = performance.now();
    const perS = ((transitions - lastTransitions) * 1000) / (now - lastAt);
    const remote = await watched();
    const remotePerS = ((remote.events - lastRemote) * 1000) / (now - lastAt);
    [lastTransitions, lastRemote, lastAt] = [transitions, remote.events, now];
    const rss = [...rssReadings].sort((a, b) => a - b);
    rssReadings = [];
    collect();
    const m = process.memoryUsage();
    const s: Sample = {
      minute,
      rssMiB: rss[Math.floor(rss.length / 2)] ?? m.rss / MiB,
      rssMinMiB: rss[0] ?? m.rss / MiB,
      rssMaxMiB: rss[rss.length - 1] ?? m.rss / MiB,
      heapMiB: m.heapUsed / MiB,
      heapTotalMiB: m.heapTotal / MiB,
      fds: openFds(),
      externalMiB: m.external / MiB,
      lagP50: lagMs(lag.percentile(50)),
      lagP99: lagMs(lag.percentile(99)),
      lagMax: lagMs(lag.max),
      transitionsPerS: perS,
      grpcEventsPerS: remotePerS,
      load1: loadavg()[0] ?? 0,
    };
    lag.reset();
    samples.push(s);
    console.log(
      `${sampleMs === 60_000 ? `minute ${minute}` : `sample ${minute} (${(minute * sampleMs) / 1000} s)`}: rss ${fmt(s.rssMinMiB)} / ${fmt(s.rssMiB)} / ${fmt(s.rssMaxMiB)} MiB (floor / median / max), heap ${fmt(s.heapMiB)} of ${fmt(s.heapTotalMiB)} MiB (after GC), external ${fmt(s.externalMiB)} MiB, ${s.fds} fds; ` +
        `event-loop lag p50 ${fmt(s.lagP50)} / p99 ${fmt(s.lagP99)} / max ${fmt(s.lagMax)} ms; ` +
        `${Math.round(perS)} transitions/s (${Math.round((n * 1000) / intervalMs)} scheduled probes/s), ${withGrpc ? `${Math.round(remotePerS)}/s to the gRPC watcher (${remote.dropped} dropped so far)` : 'no gRPC'}; load ${s.load1.toFixed(2)}`,
    );
  }
  lag.disable();
  clearInterval(rssTimer);

  const finalRemote = await watched();
  const unit = sampleMs === 60_000 ? 'minute' : 'sample';
  const first = samples[0] as Sample;
  const last = samples[samples.length - 1] as Sample;
  const growth = (a: number, b: number): number => (a === 0 ? (b === 0 ? 0 : Infinity) : (b - a) / a);
  const check = (what: string, from: number, to: number, noise = 0) => ({
    what,
    from,
    to,
    ok: growth(from, to) <= GROWTH_LIMIT || to - from < noise,
  });
  const checks = [
    check('RSS floor', first.rssMinMiB, last.rssMinMiB),
    check('heap', first.heapMiB, last.heapMiB),
    check('lag p50', first.lagP50, last.lagP50, LAG_NOISE_MS),
    check('open fds', first.fds, last.fds, FD_NOISE),
  ];
  const pass = checks.every((c) => c.ok) && minutes >= 2;
  for (const c of checks)
    console.log(
      `${c.ok ? 'ok  ' : 'FAIL'} ${c.what}: ${unit} 1 ${fmt(c.from)} → ${unit} ${last.minute} ${fmt(c.to)} (${(growth(c.from, c.to) * 100).toFixed(1)} %)`,
    );
  console.log(
    `events: ${transitions} transitions read in process (${dropped} dropped); the gRPC watcher got ${finalRemote.events} (told of ${finalRemote.dropped} dropped)`,
  );
  console.log(
    `verdict: ${pass ? 'PASS' : 'FAIL'} (growth beyond ${GROWTH_LIMIT * 100} % from minute 1 to the end fails${minutes < 2 ? '; needs at least 2 minutes' : ''})`,
  );
  console.log(
    JSON.stringify({
      backends: n,
      intervalMs,
      minutes,
      history,
      grpc: withGrpc,
      samples,
      checks,
      pass,
      transitions,
      dropped,
      grpcEvents: finalRemote.events,
      grpcDropped: finalRemote.dropped,
    }),
  );

  sub.close();
  watcher?.kill();
  await (listener as GrpcListener | null)?.shutdown(500);
  await checker.stop();
  await probers.dispose();
  farm.child.kill();
  process.exit(pass ? 0 : 1);
}

main().catch((e: unknown) => {
  console.error(`bench:soak: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
