// Loopback farms for bench-checker.ts, each in its own process so that its CPU is not ours:
//  * `node`: this file run as a child; N plain `net` servers answering `200 ok` and closing.
//  * `c`: ../shared/bench's single-threaded epoll farm (built here with gcc into bench-out/), about
//    4x cheaper per request, which matters on a 2-core machine at 10,000 probes/s.
import { execFileSync, fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { join } from 'node:path';

/** Returns backend i's address and port for a layout (the C farm uses the same formula). */
export function farmAddress(i: number, layout: 'ips' | 'ports'): { address: string; port: number } {
  return layout === 'ips'
    ? { address: `127.1.${Math.floor(i / 250)}.${1 + (i % 250)}`, port: 8080 }
    : { address: '127.0.0.1', port: 20000 + i };
}

export interface FarmStats {
  requests: number;
  cpuMs: number;
  /** Time between two requests to the same backend, from the C farm's histogram. */
  intervalP50Ms?: number;
  intervalP99Ms?: number;
}

export interface Farm {
  /** The farm's process (for `taskset`). */
  pid: number | undefined;
  /** Counters since the last reset (`reset` starts a new window). */
  stats(reset?: boolean): Promise<FarmStats>;
  /** Kills the farm; resolves when it has exited (its listeners are free again). */
  stop(): Promise<void>;
}

function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

/** Starts a farm of `n` backends; resolves when every listener is open. */
export function startFarm(kind: 'node' | 'c', n: number, layout: 'ips' | 'ports', failFrac: number): Promise<Farm> {
  return kind === 'c' ? startCFarm(n, layout, failFrac) : startNodeFarm(n, layout, failFrac);
}

function startNodeFarm(n: number, layout: string, failFrac: number): Promise<Farm> {
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--cpu-prof'));
  const child: ChildProcess = fork(__filename, ['--farm-child', String(n), layout, String(failFrac)], { execArgv });
  let base = 0;
  const stats = (reset = false): Promise<FarmStats> =>
    new Promise((resolve) => {
      child.once('message', (m: { requests: number; cpu: NodeJS.CpuUsage }) => {
        const s = { requests: m.requests - base, cpuMs: (m.cpu.user + m.cpu.system) / 1000 };
        if (reset) base = m.requests;
        resolve(s);
      });
      child.send({ type: 'stats' });
    });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { type: string; message?: string }) =>
      m.type === 'ready' ? resolve({ pid: child.pid, stats, stop: () => killAndWait(child) }) : reject(new Error(`farm: ${m.message ?? m.type}`)),
    );
    child.once('exit', (code) => reject(new Error(`farm exited with ${code}`)));
  });
}

async function startCFarm(n: number, layout: string, failFrac: number): Promise<Farm> {
  const root = join(__dirname, '..');
  const bin = join(root, 'bench-out', 'farm');
  if (!existsSync(bin)) {
    mkdirSync(join(root, 'bench-out'), { recursive: true });
    execFileSync('gcc', ['-O2', '-o', bin, join(root, '..', 'shared', 'bench', 'src', 'farm.c')]);
  }
  const ctlPort = 18_000 + Math.floor(Math.random() * 2000);
  const args = ['--n', String(n), '--layout', layout, '--ctl-port', String(ctlPort), '--fail-frac', String(failFrac), '--max-sec', '900'];
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (b: Buffer) => (b.toString().includes('control on') ? resolve() : undefined));
    child.once('exit', (code) => reject(new Error(`C farm exited with ${code}`)));
  });
  const cpuMs = (): number => {
    const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, at USER_HZ = 100
  };
  const stats = (reset = false): Promise<FarmStats> =>
    new Promise((resolve, reject) => {
      get(`http://127.0.0.1:${ctlPort}/stats${reset ? '?reset=1' : ''}`, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          const j = JSON.parse(body) as { requests: number; interval_requests: { p50_ms: number; p99_ms: number } };
          resolve({ requests: j.requests, cpuMs: cpuMs(), intervalP50Ms: j.interval_requests.p50_ms, intervalP99Ms: j.interval_requests.p99_ms });
        });
      }).on('error', reject);
    });
  return { pid: child.pid, stats, stop: () => killAndWait(child) };
}

const OK = Buffer.from('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n');
const FAIL = Buffer.from('HTTP/1.0 503 Service Unavailable\r\nContent-Length: 5\r\nConnection: close\r\n\r\nfail\n');

async function runNodeFarmChild(n: number, layout: 'ips' | 'ports', failFrac: number): Promise<void> {
  let requests = 0;
  const servers: Server[] = [];
  for (let i = 0; i < n; i++) {
    const reply = i < n * failFrac ? FAIL : OK;
    const server = createServer((sock) => {
      sock.on('error', () => {});
      sock.once('data', () => {
        requests++;
        sock.end(reply);
      });
    });
    const { address, port } = farmAddress(i, layout);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: address, port, backlog: 511 }, () => resolve());
    });
    servers.push(server);
  }
  process.on('message', (m: { type: string }) => {
    if (m.type === 'stats') process.send?.({ type: 'stats', requests, cpu: process.cpuUsage() });
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready' });
}

if (process.argv[2] === '--farm-child' && process.send) {
  runNodeFarmChild(Number(process.argv[3]), process.argv[4] === 'ports' ? 'ports' : 'ips', Number(process.argv[5] ?? 0)).catch(
    (e: unknown) => {
      process.send?.({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      process.exit(1);
    },
  );
}
