import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogRecord } from '../../shared/model';
import { createLogger } from '../log';
import { createHttpProber } from './http-prober';
import { findProbeHelper } from './native-helper-path';
import { createNativeProber, NativeProbeHelper } from './native-prober';
import { RateGate } from './rate-gate';
import { HELPER_PATH } from './testing/native';
import type { Prober } from './types';
import { httpTarget, startScriptedServer, type ScriptedServer } from './testing/servers';

const servers: ScriptedServer[] = [];
const helpers: NativeProbeHelper[] = [];
afterEach(async () => {
  await Promise.all(helpers.splice(0).map((h) => h.dispose()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(onRequest: Parameters<typeof startScriptedServer>[0]): Promise<ScriptedServer> {
  const s = await startScriptedServer(onRequest);
  servers.push(s);
  return s;
}

function helper(path: string, guardMs?: number): { helper: NativeProbeHelper; logs: LogRecord[] } {
  const logs: LogRecord[] = [];
  const logger = createLogger('prober', { minLevel: () => 'debug', write: (r) => logs.push(r) });
  const h = new NativeProbeHelper({ path, logger, guardMs });
  helpers.push(h);
  return { helper: h, logs };
}

/** A stand-in helper: a shell script (a helper that crashes, hangs or speaks garbage). */
function fakeHelper(script: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fake-helper-')), 'helper.sh');
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

const OK = 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n';

it('finds the helper through MAGLEV_PROBE_HELPER, and not when that file is missing', () => {
  const path = fakeHelper('exit 0');
  expect(findProbeHelper({ MAGLEV_PROBE_HELPER: path })).toBe(path);
  expect(findProbeHelper({ MAGLEV_PROBE_HELPER: `${path}.missing` })).toBeNull();
  expect(findProbeHelper({}, '/')).toBeNull();
});

describe.skipIf(!HELPER_PATH)('native probe helper (real binary)', () => {
  const path = HELPER_PATH ?? '';

  it('answers many probes in flight at once, each with its own result', async () => {
    const ok = await serve((sock) => sock.end(OK));
    const bad = await serve((sock) => sock.end('HTTP/1.1 503 No\r\n\r\n'));
    const { helper: h } = helper(path);
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        h.probe(httpTarget(i % 2 ? bad.port : ok.port), { timeoutMs: 5000 }),
      ),
    );
    results.forEach((r, i) =>
      expect(r).toMatchObject(i % 2 ? { code: 'L7STS', detail: 'HTTP 503' } : { code: 'L7OK' }),
    );
  });

  it('keeps 2,500 probes in flight at once (its probe table grows twice under them)', async () => {
    const ok = await serve((sock) => sock.end(OK));
    const { helper: h, logs } = helper(path);
    const results = await Promise.all(
      Array.from({ length: 2500 }, () => h.probe(httpTarget(ok.port), { timeoutMs: 10_000 })),
    );
    expect(logs.map((r) => r.msg)).not.toContain('probe-helper-lost');
    expect(results.filter((r) => r.code !== 'L7OK')).toEqual([]);
  });

  it('reads a status line split across writes, and refuses one without an end', async () => {
    const split = await serve((sock) => {
      sock.write('HTTP/1.1 2');
      setTimeout(() => sock.end('04 No Content\r\n\r\n'), 20);
    });
    const { helper: h } = helper(path);
    expect(
      await h.probe(httpTarget(split.port, { codeMin: 204, codeMax: 204 }), { timeoutMs: 2000 }),
    ).toMatchObject({
      ok: true,
      detail: 'HTTP 204',
    });
    const endless = await serve((sock) => sock.end('H'.repeat(20_000)));
    expect(await h.probe(httpTarget(endless.port), { timeoutMs: 2000 })).toMatchObject({
      code: 'L7RSP',
      detail: 'status line too long',
    });
    const partial = await serve((sock) => sock.end('HTTP/1.1 200'));
    expect(await h.probe(httpTarget(partial.port), { timeoutMs: 2000 })).toMatchObject({
      code: 'L7RSP',
      detail: 'incomplete response headers',
    });
  });

  it('closes the socket of an aborted probe (the server sees the connection end)', async () => {
    let closed: Promise<unknown> = Promise.resolve();
    const s = await serve((sock) => {
      closed = new Promise((r) => sock.on('close', r));
    });
    const { helper: h } = helper(path);
    const ac = new AbortController();
    const p = h.probe(httpTarget(s.port), { timeoutMs: 30_000, signal: ac.signal });
    await once(s.server, 'connection');
    while (s.seen.length === 0) await new Promise<void>((r) => setImmediate(r));
    ac.abort();
    expect(await p).toMatchObject({ ok: false, detail: 'probe aborted' });
    await closed;
  });

  it('fails what was in flight when the helper is killed, and starts a new one for the next probe', async () => {
    const silent = await serve(() => {});
    const ok = await serve((sock) => sock.end(OK));
    const { helper: h, logs } = helper(path);
    const p = h.probe(httpTarget(silent.port), { timeoutMs: 30_000 });
    while (silent.seen.length === 0) await new Promise<void>((r) => setImmediate(r));
    const pid = h.pid;
    process.kill(pid ?? 0, 'SIGKILL');
    expect(await p).toMatchObject({ ok: false, code: 'INTERNAL', detail: 'probe helper exited (SIGKILL)' });
    expect(await h.probe(httpTarget(ok.port), { timeoutMs: 2000 })).toMatchObject({ ok: true });
    expect(h.pid).not.toBe(pid);
    expect(logs.map((r) => r.msg)).toContain('probe-helper-lost');
  });

  it('with a rate gate, probes in-process while probes are rare and moves to the helper when they are frequent', async () => {
    const ok = await serve((sock) => sock.end(OK));
    const { helper: h } = helper(path);
    const http = createHttpProber();
    let inProcess = 0;
    const counted: Prober = { kind: 'http', probe: (t, o) => (inProcess++, http.probe(t, o)) };
    const clock = { t: 0 };
    const prober = createNativeProber(h, counted, new RateGate(100, 50, () => clock.t));
    const probeAt = async (stepMs: number, count: number): Promise<void> => {
      for (let i = 0; i < count; i++) {
        clock.t += stepMs;
        expect(await prober.probe(httpTarget(ok.port), { timeoutMs: 2000 })).toMatchObject({ code: 'L7OK' });
      }
    };
    await probeAt(20, 60); // 50/s: the helper is never started
    expect([inProcess, h.pid]).toEqual([60, undefined]);
    await probeAt(5, 400); // 200/s: after one window on the old verdict, the helper takes over
    expect(h.pid).toBeDefined();
    expect(inProcess).toBeLessThan(60 + 250);
    const before = inProcess;
    await probeAt(5, 100);
    expect(inProcess).toBe(before);
  });

  it('runs a probe the killed helper had in flight again in-process, within its timeout', async () => {
    let connections = 0;
    const s = await serve((sock) => {
      if (++connections > 1) sock.end(OK); // the helper's connection gets no answer
    });
    const { helper: h } = helper(path);
    const prober = createNativeProber(h, createHttpProber());
    const p = prober.probe(httpTarget(s.port), { timeoutMs: 30_000 });
    while (s.seen.length === 0) await new Promise<void>((r) => setImmediate(r));
    process.kill(h.pid ?? 0, 'SIGKILL');
    expect(await p).toMatchObject({ ok: true, code: 'L7OK' });
    expect(connections).toBe(2);
  });
});

describe('a broken helper', () => {
  it('is given up after repeated crashes; probes then run in-process', async () => {
    const ok = await serve((sock) => sock.end(OK));
    const { helper: h, logs } = helper(fakeHelper('exit 3'));
    const prober = createNativeProber(h, createHttpProber());
    // Each probe the crashing helper took is run again in-process: no backend sees a failed probe.
    for (let i = 0; i < 5; i++) {
      expect(await prober.probe(httpTarget(ok.port), { timeoutMs: 2000 })).toMatchObject({ code: 'L7OK' });
      expect(h.usable).toBe(true);
    }
    expect(logs.filter((r) => r.msg === 'probe-helper-lost')).toHaveLength(5);
    expect(await prober.probe(httpTarget(ok.port), { timeoutMs: 2000 })).toMatchObject({
      ok: true,
      code: 'L7OK',
    });
    expect(h.usable).toBe(false);
    expect(logs.map((r) => r.msg)).toContain('probe-helper-given-up');
  });

  it('is dropped when it speaks another protocol version or garbage', async () => {
    const target = httpTarget(9);
    const wrong = helper(fakeHelper(String.raw`printf 'V\002\000\000\000'; exec cat >/dev/null`)).helper;
    expect(await wrong.probe(target, { timeoutMs: 2000 })).toMatchObject({
      code: 'INTERNAL',
      detail: 'probe helper speaks protocol 2, expected 1',
    });
    const garbage = helper(fakeHelper(`printf 'hello'; exec cat >/dev/null`)).helper;
    expect(await garbage.probe(target, { timeoutMs: 2000 })).toMatchObject({
      code: 'INTERNAL',
      detail: 'probe helper unexpected frame type 0x68',
    });
  });

  it('fails a probe it never answers shortly after the probe timeout', async () => {
    const hung = helper(fakeHelper(String.raw`printf 'V\001\000\000\000'; exec cat >/dev/null`), 30).helper;
    expect(await hung.probe(httpTarget(9), { timeoutMs: 20 })).toMatchObject({
      code: 'INTERNAL',
      detail: 'probe helper did not answer',
    });
  });
});
