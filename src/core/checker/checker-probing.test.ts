import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, probeTimes } from './checker-harness';
import type { Harness } from './checker-harness';
import { testCheck, testConfig, testHttpParams } from './test-config';

let h: Harness | undefined;
afterEach(async () => {
  await h?.checker.stop();
  h = undefined;
});

/** Answers every probe at once: pass unless the address is in `failing`. */
function autoAnswer(harness: Harness, failing: Set<string>): void {
  harness.probers.autoRespond = (t) =>
    failing.has(t.address)
      ? { ok: false, code: 'L7STS', detail: 'HTTP 503', durationMs: 1 }
      : { ok: true, code: 'L7OK', detail: 'HTTP 200', durationMs: 1 };
}

describe('checker scheduling', () => {
  it('staggers the first probes over one interval: interval * pos / total', async () => {
    h = createHarness(testConfig({ backends: ['a', 'b', 'c', 'd'] }));
    autoAnswer(h, new Set());
    h.checker.start();
    await h.clock.advance(999);
    expect(h.probers.probes.map((p) => p.startedAt - h!.t0)).toEqual([0, 250, 500, 750]);
  });

  it('does not probe backends disabled in config, and shows them disabled', async () => {
    h = createHarness(testConfig({ backends: ['a', { name: 'b', enabled: false }] }));
    autoAnswer(h, new Set());
    h.checker.start();
    await h.clock.advance(10_000);
    expect(h.probers.calls('10.0.0.2')).toBe(0);
    expect(h.checker.getBackend('b')).toMatchObject({ state: 'disabled', enabled: false, lastProbe: { code: 'disabled' } });
    // Only enabled backends count in the stagger: `a` alone starts at once.
    expect(probeTimes(h, '10.0.0.1')[0]).toBe(0);
  });

  it('picks interval, fast-interval and down-interval from the counter', async () => {
    h = createHarness(testConfig({ backends: ['a'] }));
    const failing = new Set<string>();
    autoAnswer(h, failing);
    h.checker.start();
    await h.clock.advance(500); // 0: pass (unknown → up, counter at max) → next after `interval`
    failing.add('10.0.0.1');
    await h.clock.advance(1600); // 1000 fail (3) → fast 1500 fail (2) → fast 2000 fail → down (0)
    expect(h.checker.getBackend('a')?.state).toBe('down');
    failing.clear();
    await h.clock.advance(6500); // down-interval: 7000 pass (1) → fast 7500 pass → up → 8500
    expect(probeTimes(h, '10.0.0.1')).toEqual([0, 1000, 1500, 2000, 7000, 7500, 8500]);
    expect(h.checker.getBackend('a')?.state).toBe('up');
  });

  it('multiplies every interval by a jitter factor within [0.9, 1.1]', async () => {
    const draws = [0, 0.999999, 0.3, 0.7];
    let i = 0;
    h = createHarness(testConfig({ backends: ['a'] }), { random: () => draws[i++ % draws.length] as number });
    autoAnswer(h, new Set());
    h.checker.start();
    await h.clock.advance(20_000);
    const times = probeTimes(h, '10.0.0.1');
    const gaps = times.slice(1).map((t, k) => t - (times[k] as number));
    expect(gaps.length).toBeGreaterThan(10);
    for (const g of gaps) {
      expect(g).toBeGreaterThanOrEqual(900);
      expect(g).toBeLessThanOrEqual(1100);
    }
    expect(Math.min(...gaps)).toBe(900);
    expect(Math.max(...gaps)).toBeGreaterThan(1099);
  });

  it('never overlaps probes of one backend: the next waits for the previous to end', async () => {
    h = createHarness(testConfig({ checks: [{ timeoutMs: 5000 }], backends: ['a'] }));
    h.checker.start();
    await h.clock.advance(0);
    expect(h.probers.pending('10.0.0.1')).toHaveLength(1);
    expect(h.checker.isProbing('a')).toBe(true);
    await h.clock.advance(2500); // far past the interval: still one probe
    expect(h.probers.probes).toHaveLength(1);
    h.probers.pending()[0]?.pass();
    await h.clock.settle();
    expect(h.checker.isProbing('a')).toBe(false);
    await h.clock.advance(999);
    expect(h.probers.probes).toHaveLength(1);
    await h.clock.advance(1);
    expect(probeTimes(h, '10.0.0.1')).toEqual([0, 3500]);
  });

  it('bounds a probe that overruns its timeout, aborts it, and ignores its late result', async () => {
    h = createHarness(testConfig({ backends: ['a'] }));
    h.probers.ignoreAbort = true;
    h.checker.start();
    await h.clock.advance(0);
    const first = h.probers.pending()[0]!;
    expect(first.options.timeoutMs).toBe(300);
    await h.clock.advance(299);
    expect(h.checker.getBackend('a')?.state).toBe('unknown');
    await h.clock.advance(100);
    expect(first.aborted).toBe(true);
    const info = h.checker.getBackend('a')!;
    expect(info.state).toBe('down');
    expect(info.lastProbe).toMatchObject({ ok: false, code: 'L7TOUT' });
    expect(info.transitions[0]).toMatchObject({ from: 'unknown', to: 'down', code: 'L7TOUT' });
    first.pass();
    await h.clock.settle();
    expect(h.checker.getBackend('a')?.state).toBe('down');
    expect(h.checker.isProbing('a')).toBe(false);
  });

  it('hands every probe a live signal: shared while unused, renewed after an abort', async () => {
    h = createHarness(testConfig({ backends: ['a'] }));
    h.probers.ignoreAbort = true;
    h.checker.start();
    await h.clock.advance(0);
    h.probers.pending()[0]?.pass();
    await h.clock.advance(1000);
    const [p1, p2] = h.probers.probes;
    expect(p2?.options.signal).toBe(p1?.options.signal);
    await h.clock.advance(400); // p2 overruns: the guard aborts its signal
    expect(p2?.options.signal?.aborted).toBe(true);
    await h.clock.advance(500); // p3 started at 1330 + fast 500
    const p3 = h.probers.probes[2];
    expect(p3?.options.signal?.aborted).toBe(false);
    expect(p3?.options.signal).not.toBe(p2?.options.signal);
    p2?.pass(); // settle the ignored probe so that stop() need not wait out its bound
    p3?.pass();
  });

  it('keeps the prober’s own timeout result when it honours the limit', async () => {
    h = createHarness(testConfig({ backends: ['a'] }));
    h.checker.start();
    await h.clock.advance(300);
    h.probers.pending()[0]?.fail('L4TOUT', 'connect timeout');
    await h.clock.advance(200);
    expect(h.checker.getBackend('a')?.lastProbe).toMatchObject({ code: 'L4TOUT', detail: 'connect timeout', durationMs: 300 });
  });

  it('turns a throwing prober or a malformed result into an INTERNAL failure', async () => {
    h = createHarness(testConfig({ checks: [{ rise: 1, fall: 1 }], backends: ['a', 'b'] }));
    h.checker.start();
    await h.clock.advance(0);
    h.probers.pending('10.0.0.1')[0]?.resolve({ ok: true, code: 'L4CON', detail: 'x', durationMs: 1 });
    await h.clock.advance(600);
    h.probers.pending('10.0.0.2')[0]?.resolve(undefined as never);
    await h.clock.settle();
    expect(h.checker.getBackend('a')?.lastProbe).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(h.checker.getBackend('b')).toMatchObject({ state: 'down', lastProbe: { code: 'INTERNAL' } });
  });

  it('probes a backend used by several frontends once', async () => {
    const fe = (name: string) => ({ name, pools: [{ name: 'p', backends: ['a'] }] });
    h = createHarness(testConfig({ backends: ['a'], frontends: [fe('f1'), fe('f2')] }));
    autoAnswer(h, new Set());
    h.checker.start();
    await h.clock.advance(5500);
    expect(probeTimes(h, '10.0.0.1')).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(h.checker.getFrontend('f1')?.state).toBe('up');
    expect(h.checker.getFrontend('f2')?.state).toBe('up');
  });

  it('records last probe, transitions newest first, and the probe history', async () => {
    h = createHarness(testConfig({ checks: [{ rise: 1, fall: 1 }], backends: ['a'] }));
    const failing = new Set<string>();
    autoAnswer(h, failing);
    h.checker.start();
    await h.clock.advance(1500);
    failing.add('10.0.0.1');
    await h.clock.advance(1000);
    const info = h.checker.getBackend('a')!;
    expect(info.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['up>down', 'unknown>up']);
    expect(info.lastProbe).toEqual({ ok: false, code: 'L7STS', detail: 'HTTP 503', atMs: h.t0 + 2000, durationMs: 1 });
    const hist = h.checker.history('a')!;
    expect(hist.atMs.map((t) => t - h!.t0)).toEqual([0, 1000, 2000]);
    expect(hist.state).toEqual(['up', 'up', 'down']);
    expect(hist.ok).toEqual([true, true, false]);
    expect(h.checker.history('a', h.t0 + 500, h.t0 + 1500)?.atMs).toEqual([h.t0 + 1000]);
    expect(h.checker.history('nope')).toBeUndefined();
  });
});

describe('probe targets', () => {
  it('resolves address, family, port, source and http params from the config', async () => {
    h = createHarness(
      testConfig({
        checks: [
          { name: 'web', port: 8080, http: testHttpParams({ path: '/healthz', responseRegexp: 'ok$' }) },
          { name: 'tls', type: 'https', port: 443, http: testHttpParams({ host: 'www.example.com' }) },
        ],
        backends: ['a', { name: 'b', address: '2001:db8::5' }, { name: 'c', healthcheck: 'tls' }, 'd'],
        settings: { probeIpv4Src: '192.0.2.7', probeIpv6Src: '' },
      }),
    );
    h.checker.start();
    await h.clock.advance(1000);
    const byAddr = new Map(h.probers.probes.map((p) => [p.target.address, p.target]));
    expect(byAddr.get('10.0.0.1')).toMatchObject({
      kind: 'http',
      family: 4,
      port: 8080,
      sourceAddress: '192.0.2.7',
      http: { path: '/healthz', host: '10.0.0.1', codeMin: 200, codeMax: 299, serverName: null },
    });
    expect(byAddr.get('10.0.0.1')?.http?.regexp?.test('all ok')).toBe(true);
    expect(byAddr.get('10.0.0.1')?.http?.regexp?.test('ok then more')).toBe(false);
    // One compiled regexp per check, shared by its backends.
    expect(byAddr.get('10.0.0.4')?.http?.regexp).toBe(byAddr.get('10.0.0.1')?.http?.regexp);
    expect(byAddr.get('2001:db8::5')).toMatchObject({ family: 6, sourceAddress: null, http: { host: '[2001:db8::5]' } });
    expect(byAddr.get('10.0.0.3')).toMatchObject({
      kind: 'https',
      port: 443,
      http: { host: 'www.example.com', serverName: 'www.example.com', regexp: null },
    });
  });

  it('compiles response regexps in the config’s RE2 syntax', async () => {
    h = createHarness(testConfig({ checks: [{ http: testHttpParams({ responseRegexp: '(?i)^status: [[:alpha:]]+$' }) }], backends: ['a'] }));
    h.checker.start();
    await h.clock.advance(0);
    const re = h.probers.probes[0]?.target.http?.regexp;
    expect(re?.test('STATUS: Green')).toBe(true);
    expect(re?.test('status: 42')).toBe(false);
  });

  it('passes tcp and icmp params', async () => {
    h = createHarness(
      testConfig({
        checks: [
          { name: 't', type: 'tcp', port: 22, tcp: { ssl: true, serverName: 'x', insecureSkipVerify: true } },
          testCheck({ name: 'i', type: 'icmp' }),
        ],
        backends: ['a', { name: 'b', healthcheck: 'i' }],
      }),
    );
    h.checker.start();
    await h.clock.advance(1000);
    const [a, b] = h.probers.probes.map((p) => p.target);
    expect(a).toMatchObject({ kind: 'tcp', port: 22, http: null, tcp: { ssl: true, serverName: 'x', insecureSkipVerify: true } });
    expect(b).toMatchObject({ kind: 'icmp', port: 0, http: null, tcp: null });
  });
});
