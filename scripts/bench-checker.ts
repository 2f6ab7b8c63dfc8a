// Benchmark of the health checker: a loopback farm of N HTTP backends in a child process, the
// checker in this process, one fixed window after a warm-up. Prints probes/s vs expected, CPU ms
// per 1000 probes (this process and its native probe helper), RSS and the lateness of probe starts vs their schedule.
//
//   npm run bench:checker -- --n 1000,10000 [--warmup 5] [--window 20] [--layout ips|ports]
//                            [--fail-frac 0] [--farm c|node] [--prober real|null]
//                            [--debug-subscriber] [--threads 1] [--transport auto|native|net|handle]
//                            [--pin]
//
// --transport auto (default, as the daemon): plain HTTP/TCP on the native helper when it is built.
// --pin: the farm on CPU 0, this process (and the helper it starts) on CPU 1 — "one core" for real.
// --prober real: core/prober's registry; null: answers at once without a socket, which measures
// the checker's own cost per probe (scheduler, state machine, history, promises).
//   node --cpu-prof --cpu-prof-dir=bench-out --import tsx scripts/bench-checker.ts --n 10000
//
// N = 10,000 needs ~10,000 listening sockets in the farm and a few hundred in flight here:
// `ulimit -n` must be above ~11,000 (it is 20,000 on the dev machines; raise it otherwise).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createChecker } from '../src/core/checker';
import type { Checker } from '../src/core/checker';
import type { Config } from '../src/core/config';
import { createProberRegistry } from '../src/core/prober';
import type { ProberRegistry } from '../src/core/prober';
import { createSystemClock } from '../src/core/util';
import { farmAddress, startFarm } from './bench-checker-farm';

interface Options {
  sizes: number[];
  warmupS: number;
  windowS: number;
  layout: 'ips' | 'ports';
  failFrac: number;
  farm: 'node' | 'c';
  prober: 'real' | 'null';
  /** Subscribe at log level debug (as the app's local site does) and drain as events come. */
  debugSubscriber: boolean;
  /** Probe worker threads (1 = probes on the checker's thread). */
  threads: number;
  transport: 'auto' | 'native' | 'net' | 'handle';
  pin: boolean;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string, dflt: string): string => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : dflt;
  };
  return {
    sizes: get('n', '1000,10000').split(',').map(Number),
    warmupS: Number(get('warmup', '5')),
    windowS: Number(get('window', '20')),
    layout: get('layout', 'ips') === 'ports' ? 'ports' : 'ips',
    failFrac: Number(get('fail-frac', '0')),
    farm: get('farm', 'c') === 'node' ? 'node' : 'c',
    prober: get('prober', 'real') === 'null' ? 'null' : 'real',
    debugSubscriber: argv.includes('--debug-subscriber'),
    threads: Number(get('threads', '1')),
    transport: parseTransport(get('transport', 'auto')),
    pin: argv.includes('--pin'),
  };
}

function parseTransport(t: string): Options['transport'] {
  if (t === 'auto' || t === 'native' || t === 'net' || t === 'handle') return t;
  throw new Error(`--transport: expected auto, native, net or handle, got ${t}`);
}

/** CPU ms (utime + stime at USER_HZ 100) of this process's native probe helpers, from /proc. */
function helperCpuMs(): number {
  let ticks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(f[1]) === process.pid && comm.startsWith('maglev-probe')) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * 10;
}

/** Farm on CPU 0, this process (all threads, and children started later) on CPU 1. */
function pin(farmPid: number | undefined): void {
  if (farmPid === undefined) throw new Error('--pin: the farm has no pid');
  execFileSync('taskset', ['-a', '-p', '-c', '0', String(farmPid)], { stdio: 'ignore' });
  execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
}

/** The bench config: interval 1s, fast 500ms, down 5s, timeout 1s, rise 2, fall 3 (built directly). */
function benchConfig(n: number, layout: 'ips' | 'ports'): Config {
  const check = (name: string, port: number) => ({
    name,
    type: 'http' as const,
    port,
    intervalMs: 1000,
    fastIntervalMs: 500,
    downIntervalMs: 5000,
    timeoutMs: 1000,
    rise: 2,
    fall: 3,
    http: { path: '/healthz', host: null, responseCodeMin: 200, responseCodeMax: 299, responseRegexp: null, serverName: null, insecureSkipVerify: false },
    tcp: null,
  });
  const addrs = Array.from({ length: n }, (_, i) => farmAddress(i, layout));
  return {
    healthchecker: { transitionHistory: 5, netns: '', probeIpv4Src: '', probeIpv6Src: '' },
    vpp: null,
    healthchecks: layout === 'ips' ? [check('bench', 8080)] : addrs.map((a, i) => check(`c${i}`, a.port)),
    backends: addrs.map((a, i) => ({
      name: `b${i}`,
      address: a.address,
      family: 4 as const,
      healthcheck: layout === 'ips' ? 'bench' : `c${i}`,
      enabled: true,
    })),
    frontends: [],
    legacy: false,
  };
}

const NULL_REGISTRY: ProberRegistry = {
  get: (kind) => ({ kind, probe: () => Promise.resolve({ ok: true, code: 'L7OK', detail: 'HTTP 200', durationMs: 0 }) }),
  dispose: async () => {},
};

function proberRegistry(kind: Options['prober'], threads: number, transport: Options['transport']): ProberRegistry {
  return kind === 'null' ? NULL_REGISTRY : createProberRegistry({ threads, transport });
}

const sleep = (s: number): Promise<void> => new Promise((r) => setTimeout(r, s * 1000));

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number);
}

async function runOne(n: number, o: Options): Promise<Record<string, number | string>> {
  const farm = await startFarm(o.farm, n, o.layout, o.failFrac);
  if (o.pin) pin(farm.pid);
  const registry = proberRegistry(o.prober, o.threads, o.transport);
  let measuring = false;
  let late = new Float64Array(1 << 16);
  let lateCount = 0;
  let started = 0;
  const checker: Checker = createChecker({
    config: benchConfig(n, o.layout),
    probers: registry,
    clock: createSystemClock(),
    random: Math.random,
    observer: {
      probeStarted(_backend, lateMs) {
        if (!measuring) return;
        started++;
        if (lateCount === late.length) {
          const bigger = new Float64Array(late.length * 2);
          bigger.set(late);
          late = bigger;
        }
        late[lateCount++] = lateMs;
      },
    },
  });
  let logEvents = 0;
  if (o.debugSubscriber) {
    const sub = checker.subscribe({ logLevel: 'debug' });
    const pump = (): void => {
      logEvents += sub.drain().length;
      if (!sub.closed) sub.onReadable(pump);
    };
    sub.onReadable(pump);
  }
  const t0 = performance.now();
  checker.start();
  await sleep(o.warmupS);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const farm0 = await farm.stats(true);
  const cpu0 = process.cpuUsage();
  const helper0 = helperCpuMs();
  const w0 = performance.now();
  measuring = true;
  await sleep(o.windowS);
  measuring = false;
  const cpu = process.cpuUsage(cpu0);
  const helperMs = helperCpuMs() - helper0;
  const cpuMs = (cpu.user + cpu.system) / 1000 + helperMs; // this process and its helper
  const secs = (performance.now() - w0) / 1000;
  const farm1 = await farm.stats();
  const farmDone = farm1.requests;
  loop.disable();
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const states = checker.listBackends().map((b) => checker.getBackend(b)?.state);
  await checker.stop();
  await registry.dispose();
  await farm.stop();
  const sorted = late.slice(0, lateCount).sort();
  return {
    n,
    prober: o.prober,
    seconds: +secs.toFixed(1),
    expectedPerS: n / 1,
    probesPerS: +(started / secs).toFixed(0),
    farmRequestsPerS: +(farmDone / secs).toFixed(0),
    ratio: +(started / secs / n).toFixed(3),
    transport: o.transport,
    pinned: o.pin ? 'cpu1' : 'no',
    cpuMsPer1k: +((cpuMs / started) * 1000).toFixed(1),
    helperMsPer1k: +((helperMs / started) * 1000).toFixed(1),
    userMsPer1k: +((cpu.user / 1000 / started) * 1000).toFixed(1),
    sysMsPer1k: +((cpu.system / 1000 / started) * 1000).toFixed(1),
    cpuPct: +((cpuMs / (secs * 1000)) * 100).toFixed(1),
    rssMb: +rssMb.toFixed(0),
    lateP50Ms: +percentile(sorted, 0.5).toFixed(2),
    lateP99Ms: +percentile(sorted, 0.99).toFixed(2),
    lateMaxMs: +percentile(sorted, 1).toFixed(2),
    loopDelayP99Ms: +(loop.percentile(99) / 1e6).toFixed(2),
    farmCpuPct: +(((farm1.cpuMs - farm0.cpuMs) / (secs * 1000)) * 100).toFixed(1),
    intervalP50Ms: farm1.intervalP50Ms ?? NaN,
    intervalP99Ms: farm1.intervalP99Ms ?? NaN,
    loadAvg1m: +(loadavg()[0] as number).toFixed(2),
    up: states.filter((s) => s === 'up').length,
    down: states.filter((s) => s === 'down').length,
    startupS: +((w0 - t0) / 1000).toFixed(1),
    subscriberEvents: logEvents,
  };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  for (const n of o.sizes) {
    const r = await runOne(n, o);
    console.log(JSON.stringify(r));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
