// Benchmark of probing through a network namespace (healthchecker.netns): N HTTP probes through the netns
// prober registry against a server inside a namespace made here. Prints CPU µs per probe of this process
// (the registry side: protocol, pipes) and of the probe worker (probing plus its side of the protocol).
// Needs root and iproute2; the namespace is deleted at the end.
//
//   npx tsx scripts/bench-netns.ts [--n 20000] [--concurrency 50] [--rounds 3]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createNetnsProberRegistry, type ProbeTarget } from '../src/core/prober';
import { numberArg } from './bench-support';

const SERVER = `
const net = require('net');
const res = Buffer.from('HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\nConnection: close\\r\\n\\r\\nok');
const s = net.createServer((c) => { c.on('error', () => {}); c.once('data', () => c.end(res)); });
s.listen(0, '127.0.0.1', () => console.log(s.address().port));
`;

/** User+system CPU µs of a process, from /proc (clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10_000;
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0 || spawnSync('ip', ['-V']).status !== 0) {
    console.log('skipped: needs root and the `ip` command');
    return;
  }
  const n = numberArg('n', 20_000);
  const concurrency = numberArg('concurrency', 50);
  const rounds = numberArg('rounds', 3);
  const ns = `mm-bench-${process.pid}`;
  execFileSync('ip', ['netns', 'add', ns]);
  const server = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const reg = createNetnsProberRegistry({ netns: ns });
  try {
    execFileSync('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    const port = Number(String((await once(server.stdout!, 'data'))[0]).trim());
    const http = reg.get('http');
    const targets: ProbeTarget[] = Array.from({ length: 1000 }, () => ({
      kind: 'http',
      address: '127.0.0.1',
      family: 4,
      port,
      sourceAddress: null,
      tcp: null,
      http: { path: '/', host: 'bench', codeMin: 200, codeMax: 299, regexp: null, serverName: null, insecureSkipVerify: false },
    }));
    const run = async (): Promise<number> => {
      let next = 0;
      let failed = 0;
      const lane = async (): Promise<void> => {
        while (next < n) if (!(await http.probe(targets[next++ % targets.length]!, { timeoutMs: 2000 })).ok) failed++;
      };
      await Promise.all(Array.from({ length: concurrency }, lane));
      return failed;
    };
    await run(); // warm-up; also starts the worker
    const pids = execFileSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    const worker = pids.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('netns-worker'));
    if (worker === undefined) throw new Error('probe worker not found');
    for (let r = 1; r <= rounds; r++) {
      const c0 = process.cpuUsage();
      const w0 = cpuMicros(worker);
      const failed = await run();
      const c = process.cpuUsage(c0);
      const w = cpuMicros(worker) - w0;
      console.log(
        `round ${r}: registry ${((c.user + c.system) / n).toFixed(1)} µs/probe (user ${(c.user / n).toFixed(1)}), ` +
          `worker ${(w / n).toFixed(1)} µs/probe, failed ${failed}`,
      );
    }
    console.log(`${n} probes × ${rounds} rounds, ${concurrency} in flight, Node ${process.version}`);
  } finally {
    await reg.dispose();
    server.kill('SIGKILL');
    spawnSync('ip', ['netns', 'del', ns]);
  }
}

void main();
