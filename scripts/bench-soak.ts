// Soak (issue 8, not in CI): the real checker and probers against N flapping loopback backends (a farm
// in a child process, scripts/bench-soak-farm.mjs: every probe is a transition), with what a host runs
// around it: an in-process subscriber reading every event (what a local site does), and the daemon's
// gRPC server on 127.0.0.1 with one WatchEvents subscriber in a child process (bench-soak-watcher.mjs:
// this process is the daemon side alone, a client's memory is not counted). Every minute it prints RSS, V8 heap (after two full GCs, so
// garbage not yet collected does not count), external memory and event-loop lag (monitorEventLoopDelay)
// of this process; at the end a verdict: RSS, heap or median lag grown by more than 10 % from minute 1
// to the last minute fails (exit 1). The lag check uses the median and ignores growth under 10 ms: on a
// shared 2-vCPU machine the p99 and max follow what the other processes do (they are printed), while
// a structure that grows and is walked per event slows the median too.
//
// Probe history rings are capped at --history samples (default 16: full before minute 1), because a
// ring grows by design until it holds its capacity (one hour by default; docs/history.md): that is
// filling, not a leak, and would hide one.
//
//   npm run bench:soak -- [--minutes 10] [--backends 5000] [--interval-ms 2000] [--history 16] [--no-grpc]
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createChecker, type Checker } from '../src/core/checker';
import { loadConfig } from '../src/core/config';
import { createMaglevServer, listenGrpc, loadMaglevProto, type GrpcListener } from '../src/core/grpc';
import { createLogger, NULL_SINK } from '../src/core/log';
import { createProberRegistry } from '../src/core/prober';
import { createSystemClock } from '../src/core/util';

const GROWTH_LIMIT = 0.1;
const LAG_NOISE_MS = 10;
/** monitorEventLoopDelay records the time between its timer's ticks: lag is that minus the period. */
const LAG_RESOLUTION_MS = 10;
const MiB = 2 ** 20;

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} takes a positive number`);
  return v;
}

const farmAddress = (i: number): string => `127.1.${Math.floor(i / 250)}.${1 + (i % 250)}`;

/** One HTTP check (rise 1, fall 1, one interval for every state) and 50 frontends of the backends. */
function configText(n: number, port: number, intervalMs: number): string {
  const iv = `${intervalMs}ms`;
  const lines = [
    'maglev:',
    '  healthchecker: { transition-history: 5 }',
    '  healthchecks:',
    `    flap: { type: http, port: ${port}, interval: ${iv}, fast-interval: ${iv}, down-interval: ${iv}, timeout: 1s, rise: 1, fall: 1, params: { path: /healthz } }`,
    '  backends:',
  ];
  for (let i = 0; i < n; i++) lines.push(`    b${i}: { address: ${farmAddress(i)}, healthcheck: flap }`);
  lines.push('  frontends:');
  const per = Math.ceil(n / 50);
  for (let f = 0; f * per < n; f++) {
    const members = Array.from({ length: Math.min(per, n - f * per) }, (_, k) => `b${f * per + k}: {}`);
    lines.push(
      `    vip${f}: { address: 192.0.2.${1 + f}, port: 80, pools: [ { name: main, backends: { ${members.join(', ')} } } ] }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function startFarm(n: number, maxSec: number): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(
    join(__dirname, 'bench-soak-farm.mjs'),
    ['--n', String(n), '--max-sec', String(maxSec)],
    { stdio: 'inherit' },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the farm exited (${code}) before it listened`)));
    child.once('message', (m: { ready?: boolean; port?: number }) => {
      if (m.ready && m.port) resolve({ child, port: m.port });
    });
  });
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
  rssMiB: number;
  heapMiB: number;
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
  const minutes = arg('minutes', 10);
  const n = arg('backends', 5000);
  const intervalMs = arg('interval-ms', 2000);
  const history = arg('history', 16);
  const sampleMs = arg('sample-s', 60) * 1000;
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
    const proto = loadMaglevProto();
    const service = createMaglevServer({
      checker,
      proto,
      logger,
      now: clock.now,
      reloadFromDisk: async () => ({ ok: true }),
      checkDisk: async () => ({ ok: true }),
    });
    listener = await listenGrpc({ address: '127.0.0.1:0', service, proto, logger, reflection: false });
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
  for (let minute = 1; minute <= minutes; minute++) {
    await new Promise((r) => setTimeout(r, started + minute * sampleMs - performance.now()));
    const now = performance.now();
    const perS = ((transitions - lastTransitions) * 1000) / (now - lastAt);
    const remote = await watched();
    const remotePerS = ((remote.events - lastRemote) * 1000) / (now - lastAt);
    [lastTransitions, lastRemote, lastAt] = [transitions, remote.events, now];
    collect();
    const m = process.memoryUsage();
    const s: Sample = {
      minute,
      rssMiB: m.rss / MiB,
      heapMiB: m.heapUsed / MiB,
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
      `${sampleMs === 60_000 ? `minute ${minute}` : `sample ${minute} (${(minute * sampleMs) / 1000} s)`}: rss ${fmt(s.rssMiB)} MiB, heap ${fmt(s.heapMiB)} MiB (after GC), external ${fmt(s.externalMiB)} MiB; ` +
        `event-loop lag p50 ${fmt(s.lagP50)} / p99 ${fmt(s.lagP99)} / max ${fmt(s.lagMax)} ms; ` +
        `${Math.round(perS)} transitions/s (${Math.round((n * 1000) / intervalMs)} scheduled probes/s), ${withGrpc ? `${Math.round(remotePerS)}/s to the gRPC watcher (${remote.dropped} dropped so far)` : 'no gRPC'}; load ${s.load1.toFixed(2)}`,
    );
  }
  lag.disable();

  const finalRemote = await watched();
  const unit = sampleMs === 60_000 ? 'minute' : 'sample';
  const first = samples[0] as Sample;
  const last = samples[samples.length - 1] as Sample;
  const growth = (a: number, b: number): number => (a === 0 ? (b === 0 ? 0 : Infinity) : (b - a) / a);
  const checks = [
    {
      what: 'RSS',
      from: first.rssMiB,
      to: last.rssMiB,
      ok: growth(first.rssMiB, last.rssMiB) <= GROWTH_LIMIT,
    },
    {
      what: 'heap',
      from: first.heapMiB,
      to: last.heapMiB,
      ok: growth(first.heapMiB, last.heapMiB) <= GROWTH_LIMIT,
    },
    {
      what: 'lag p50',
      from: first.lagP50,
      to: last.lagP50,
      ok: growth(first.lagP50, last.lagP50) <= GROWTH_LIMIT || last.lagP50 - first.lagP50 < LAG_NOISE_MS,
    },
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
