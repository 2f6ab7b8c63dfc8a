import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTcpProber } from './tcp-prober';
import { nativeProber, TRANSPORTS } from './testing/native';
import { countTimeWait } from './testing/servers';
import type { ProbeTarget } from './types';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function listen(): Promise<{ server: Server; port: number; peers: string[] }> {
  const peers: string[] = [];
  const server = createServer((s) => {
    peers.push(s.remoteAddress ?? '');
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => server.close());
  return { server, port: (server.address() as AddressInfo).port, peers };
}

/** A port whose listener never accepts and whose accept queue is full, so a new SYN gets no answer. */
async function blackHolePort(): Promise<number> {
  const code =
    'import socket,sys,time\ns=socket.socket();s.bind(("127.0.0.1",0));s.listen(0)\n' +
    'print(s.getsockname()[1],flush=True)\nsys.stdin.read()';
  const child: ChildProcess = spawn('python3', ['-c', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  cleanups.push(() => child.kill('SIGKILL'));
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = Number(line.toString().trim());
  // Fill the accept queue (backlog 0 holds one connection); the kernel then drops further SYNs.
  for (let i = 0; i < 2; i++) {
    const s: Socket = connect(port, '127.0.0.1');
    s.on('error', () => {});
    cleanups.push(() => s.destroy());
  }
  await new Promise<void>((r) => setImmediate(r));
  return port;
}

const target = (port: number, sourceAddress: string | null = null): ProbeTarget => ({
  kind: 'tcp',
  address: '127.0.0.1',
  family: 4,
  port,
  sourceAddress,
  http: null,
  tcp: { ssl: false, serverName: null, insecureSkipVerify: false },
});
const havePython = spawnSync('python3', ['-c', 'pass']).status === 0;

describe.each(TRANSPORTS)('tcp prober (%s transport)', (transport) => {
  const tcp = transport === 'native' ? nativeProber(createTcpProber()) : createTcpProber({ transport });

  it('connects (L4OK) from the bound source address', async () => {
    const { port, peers } = await listen();
    expect(await tcp.probe(target(port), { timeoutMs: 2000 })).toMatchObject({ ok: true, code: 'L4OK' });
    expect(await tcp.probe(target(port, '127.0.0.2'), { timeoutMs: 2000 })).toMatchObject({ ok: true });
    // The probe settles at connect; the server's accept may run a few loop turns later.
    for (let i = 0; i < 1000 && peers.length < 2; i++) await new Promise<void>((r) => setImmediate(r));
    // The native helper resets the connection as soon as it is up, usually before the server's accept
    // can read the peer's address; its bind is the same code for http, whose suite checks the peer.
    if (transport !== 'native') expect(peers).toContain('127.0.0.2');
  });

  it('is refused (L4CON) on a closed port', async () => {
    const { server, port } = await listen();
    await new Promise<void>((r) => server.close(() => r()));
    expect(await tcp.probe(target(port), { timeoutMs: 2000 })).toMatchObject({
      ok: false,
      code: 'L4CON',
      detail: 'connection refused',
    });
  });

  it.skipIf(!havePython)('times out while connecting (L4TOUT) when SYNs go unanswered', async () => {
    const port = await blackHolePort();
    expect(await tcp.probe(target(port), { timeoutMs: 200 })).toMatchObject({
      ok: false,
      code: 'L4TOUT',
      detail: 'timeout after 200ms while connecting',
    });
    const ac = new AbortController();
    const p = tcp.probe(target(port), { timeoutMs: 5000, signal: ac.signal });
    ac.abort();
    expect(await p).toMatchObject({ ok: false, code: 'L4TOUT', detail: 'probe aborted' });
  });

  it('leaves no TIME_WAIT socket behind', async (ctx) => {
    const { port } = await listen();
    const before = countTimeWait(port);
    if (before === null) ctx.skip(); // skipped: the `ss` command is missing
    for (let i = 0; i < 5; i++) await tcp.probe(target(port), { timeoutMs: 2000 });
    expect(countTimeWait(port)).toBeLessThanOrEqual(before ?? 0);
  });
});
