// Benchmark of the HTTP prober alone: N probes against a loopback HTTP server that runs in a child
// process (so this process's CPU is the client's only), with C probes in flight. Prints user and system
// CPU µs per probe (process.cpuUsage) for core/prober's HTTP prober and for an `http.request` baseline
// (agent: false, one connection per probe, as a health check needs), and their ratios.
//
//   npx tsx scripts/bench-prober.ts [--n 20000] [--concurrency 50] [--rounds 3] [--regexp] [--signal]
//
// Clients: the prober on its default 'net' transport (a net.Socket per probe), the prober on its 'handle'
// transport (bare libuv TCP handles), and http.request. --regexp makes every probe read and match the body
// (Content-Length framing) instead of stopping at the status line; --signal passes an AbortSignal to every
// probe as the checker does. Rounds alternate the clients and medians are printed: the machine is shared.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { createHttpProber, type ProbeTarget } from '../src/core/prober';
import { numberArg } from './bench-support';

const SERVER = `
const net = require('net');
const body = 'ok ' + 'x'.repeat(60);
const res = Buffer.from('HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nContent-Length: ' + body.length + '\\r\\nConnection: close\\r\\n\\r\\n' + body);
const s = net.createServer((c) => {
  c.on('error', () => {});
  c.once('data', () => c.end(res));
});
s.listen(0, '127.0.0.1', () => console.log(s.address().port));
`;

type ProbeOnce = () => Promise<boolean>;

/** Runs `n` calls of `once` with `concurrency` in flight; returns CPU µs per call and the failures. */
async function measure(
  n: number,
  concurrency: number,
  probeOnce: ProbeOnce,
): Promise<{ user: number; sys: number; failed: number; ms: number }> {
  let started = 0;
  let failed = 0;
  const lane = async (): Promise<void> => {
    while (started < n) {
      started++;
      if (!(await probeOnce())) failed++;
    }
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, lane));
  const cpu = process.cpuUsage(cpu0);
  return { user: cpu.user / n, sys: cpu.system / n, failed, ms: performance.now() - t0 };
}

/** The baseline: Node's own HTTP client, a fresh connection per request, body read (and matched) in full. */
function httpRequestOnce(port: number, withBody: boolean): ProbeOnce {
  const headers = { 'User-Agent': 'maglev-monitor/bench', Accept: '*/*', Connection: 'close' };
  return () =>
    new Promise<boolean>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/healthz', agent: false, headers, timeout: 5000 },
        (res) => {
          const ok = res.statusCode === 200;
          if (!withBody) {
            res.destroy();
            resolve(ok);
            return;
          }
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => resolve(ok && /^ok /.test(body)));
        },
      );
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
      req.end();
    });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

interface Client {
  name: string;
  once: ProbeOnce;
  runs: { user: number; sys: number }[];
}

function fmt(c: Client): string {
  const u = median(c.runs.map((x) => x.user));
  const s = median(c.runs.map((x) => x.sys));
  return `${u.toFixed(1)} µs user + ${s.toFixed(1)} µs sys`;
}

async function main(): Promise<void> {
  const n = numberArg('n', 20000);
  const concurrency = numberArg('concurrency', 50);
  const rounds = numberArg('rounds', 3);
  const withBody = process.argv.includes('--regexp');
  // The checker passes a signal to every probe; --signal measures that path (one long-lived signal).
  const signal = process.argv.includes('--signal') ? new AbortController().signal : undefined;
  const server: ChildProcess = spawn(process.execPath, ['-e', SERVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const [line] = (await once(server.stdout!, 'data')) as [Buffer];
    const port = Number(line.toString().trim());
    const target: ProbeTarget = {
      kind: 'http',
      address: '127.0.0.1',
      family: 4,
      port,
      sourceAddress: null,
      tcp: null,
      http: {
        path: '/healthz',
        host: 'bench.local',
        codeMin: 200,
        codeMax: 299,
        regexp: withBody ? /^ok / : null,
        serverName: null,
        insecureSkipVerify: false,
      },
    };
    const options = { timeoutMs: 5000, signal };
    const viaProber = (transport: 'net' | 'handle'): ProbeOnce => {
      const prober = createHttpProber({ kind: 'http', transport });
      return () => prober.probe(target, options).then((o) => o.ok);
    };
    const clients: Client[] = [
      { name: 'prober (net)', once: viaProber('net'), runs: [] },
      { name: 'prober (handle)', once: viaProber('handle'), runs: [] },
      { name: 'http.request', once: httpRequestOnce(port, withBody), runs: [] },
    ];
    // Warm-up: JIT, ephemeral ports, the server's accept path.
    for (const c of clients) await measure(Math.min(n, 3000), concurrency, c.once);
    for (let r = 0; r < rounds; r++) {
      const parts: string[] = [];
      for (const c of clients) {
        const x = await measure(n, concurrency, c.once);
        if (x.failed) console.warn(`round ${r + 1}: ${x.failed} ${c.name} probes failed`);
        c.runs.push(x);
        parts.push(`${c.name} ${x.user.toFixed(1)}+${x.sys.toFixed(1)} µs in ${x.ms.toFixed(0)} ms`);
      }
      console.log(`round ${r + 1} (user+sys per probe): ${parts.join('; ')}`);
    }
    const what = withBody ? 'body read + regexp' : 'status line only';
    console.log(
      `\n${n} probes × ${rounds} rounds, ${concurrency} in flight, ${what}, Node ${process.version}`,
    );
    for (const c of clients) console.log(`${c.name.padEnd(16)}: ${fmt(c)} per probe (median)`);
    const user = (c: Client): number => median(c.runs.map((x) => x.user));
    const [net, handle, base] = clients as [Client, Client, Client];
    console.log(
      `ratio (user)    : http.request / prober(net) = ${(user(base) / user(net)).toFixed(2)}×, ` +
        `http.request / prober(handle) = ${(user(base) / user(handle)).toFixed(2)}×, ` +
        `net / handle = ${(user(net) / user(handle)).toFixed(2)}×`,
    );
  } finally {
    server.kill('SIGKILL');
  }
}

void main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exitCode = 1;
});
