import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { getEventListeners, once } from 'node:events';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogRecord } from '../../shared/model';
import { createLogger } from '../log';
import type { Clock } from '../util';
import { createNetnsProberRegistry } from './netns-registry';
import { createProberRegistry } from './registry';
import { httpTarget } from './testing/servers';
import type { ProbeTarget } from './types';

// Runs for real: a namespace made here with its own loopback, an HTTP server inside it, probes through
// the netns worker. Skipped (with this notice) when not root or when `ip` is missing.
const canNetns = process.getuid?.() === 0 && spawnSync('ip', ['-V']).status === 0;
const ns = `mm-test-${process.pid}`;
let server: ChildProcess | null = null;
let port = 0;

/** A clock whose time the test moves forward by hand (timers stay real: they only guard answers). */
function skewedClock(): Clock & { skip(ms: number): void } {
  let skew = 0;
  return {
    now: () => Date.now() + skew,
    setTimeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    skip: (ms) => (skew += ms),
  };
}

/** The pids of probe workers running inside the namespace. */
function workerPids(): number[] {
  const pids = execFileSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  return pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('netns-worker');
    } catch {
      return false;
    }
  });
}

describe.skipIf(!canNetns)('probes inside a network namespace', () => {
  beforeAll(async () => {
    execFileSync('ip', ['netns', 'add', ns]);
    execFileSync('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up']);
    // '/hang' is accepted and never answered, so a probe of it stays in flight until the test acts.
    const code =
      "const s=require('http').createServer((q,r)=>{if(q.url!=='/hang')r.end('inside')});s.listen(0,'127.0.0.1',()=>console.log(s.address().port))";
    server = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [data] = (await once(server.stdout!, 'data')) as [Buffer];
    port = Number(data.toString().trim());
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    spawnSync('ip', ['netns', 'del', ns]);
  });

  it('reaches the server inside the namespace only through the worker', async () => {
    const inside = createProberRegistry({ netns: ns });
    const outside = createProberRegistry();
    try {
      const target = httpTarget(port, { regexp: /^inside$/ });
      expect(await inside.get('http').probe(target, { timeoutMs: 3000 })).toMatchObject({ ok: true, code: 'L7OK' });
      // Outside, the port is either closed (L4CON) or, with tests running in parallel, some other loopback
      // server that does not answer "inside" (L7BODY/L7STS): never the namespace's server.
      expect(await outside.get('http').probe(target, { timeoutMs: 3000 })).toMatchObject({ ok: false });
    } finally {
      await inside.dispose();
      await outside.dispose();
    }
  });

  it('aborts, survives garbage, and restarts a dead worker after the backoff', async () => {
    const clock = skewedClock();
    const records: LogRecord[] = [];
    const logger = createLogger('prober.netns', { minLevel: () => 'debug', write: (r) => records.push(r) });
    const reg = createNetnsProberRegistry({ netns: ns, clock, logger });
    const http = reg.get('http');
    const hang = httpTarget(port, { path: '/hang' });
    try {
      expect(await http.probe(httpTarget(port), { timeoutMs: 3000 })).toMatchObject({ ok: true, code: 'L7OK' });

      // Abort: resolves at once (the worker's probe would wait 10 s) and leaves no listener behind.
      const ac = new AbortController();
      const abortedProbe = http.probe(hang, { timeoutMs: 10_000, signal: ac.signal });
      ac.abort();
      expect(await abortedProbe).toMatchObject({ ok: false, code: 'L4TOUT', detail: 'probe aborted' });
      expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
      expect(await http.probe(hang, { timeoutMs: 1000, signal: ac.signal })).toMatchObject({ ok: false, detail: 'probe aborted' });

      // Garbage never rejects and never reaches (or kills) the worker.
      for (const [t, ms] of [[null, 1000], [{ ...hang, kind: 'gopher' }, 1000], [{ ...hang, address: 'example.com' }, 1000], [hang, Number.NaN]] as const) {
        expect(await http.probe(t as unknown as ProbeTarget, { timeoutMs: ms })).toMatchObject({ ok: false, code: 'INTERNAL' });
      }

      // Worker death: the probe in flight becomes INTERNAL, the next one waits out the backoff, then a new worker runs.
      const inFlight = http.probe(hang, { timeoutMs: 10_000 });
      const [pid] = workerPids();
      expect(pid).toBeGreaterThan(0);
      process.kill(pid!, 'SIGKILL');
      const died = await inFlight;
      expect(died).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(died.detail).toContain('probe worker exited');
      expect(records.some((r) => r.level === 'error' && r.msg === 'netns-worker-down')).toBe(true);
      expect(await http.probe(httpTarget(port), { timeoutMs: 3000 })).toMatchObject({ ok: false, code: 'INTERNAL' });
      clock.skip(1000);
      expect(await http.probe(httpTarget(port), { timeoutMs: 3000 })).toMatchObject({ ok: true, code: 'L7OK' });
    } finally {
      await reg.dispose();
    }
    expect(workerPids()).toEqual([]);
  });

  it('gives up on a worker that never answers (one guard timer for every probe in flight)', async () => {
    // A "worker" that reads its requests and never answers; the clock's timers fire only when the test says.
    const timers = new Set<() => void>();
    let now = 1_000_000;
    const clock: Clock = {
      now: () => now,
      setTimeout: (cb) => (timers.add(cb), cb),
      clearTimeout: (h) => timers.delete(h as () => void),
    };
    const fire = (): void => {
      const due = [...timers];
      timers.clear();
      for (const t of due) t();
    };
    const reg = createNetnsProberRegistry({ netns: ns, clock, workerCommand: ['sh', '-c', 'cat >/dev/null'] });
    try {
      const probes = [1, 2, 3].map(() => reg.get('tcp').probe({ ...httpTarget(port), kind: 'tcp' }, { timeoutMs: 1000 }));
      expect(timers.size).toBe(1);
      now += 1000 + 1999; // not yet past timeout + grace
      fire();
      expect(timers.size).toBe(1);
      now += 1;
      fire();
      for (const r of await Promise.all(probes)) expect(r).toEqual({ ok: false, code: 'INTERNAL', detail: `netns ${ns}: probe worker did not answer`, durationMs: 3000 });
      expect(timers.size).toBe(0);
    } finally {
      await reg.dispose();
    }
  });

  it('answers INTERNAL naming a namespace that does not exist, and logs it', async () => {
    const records: LogRecord[] = [];
    const logger = createLogger('prober.netns', { minLevel: () => 'debug', write: (r) => records.push(r) });
    const missing = createProberRegistry({ netns: `${ns}-missing`, logger });
    try {
      const r = await missing.get('tcp').probe(httpTarget(port), { timeoutMs: 1000 });
      expect(r).toEqual({ ok: false, code: 'INTERNAL', detail: `netns ${ns}-missing: no such namespace`, durationMs: 0 });
      expect(records.filter((x) => x.level === 'error')).toHaveLength(1);
    } finally {
      await missing.dispose();
    }
  });
});

it.runIf(!canNetns)('netns tests skipped: needs root and iproute2', () => {
  console.warn('skipped: netns prober tests need root (CAP_SYS_ADMIN) and the `ip` command');
});
