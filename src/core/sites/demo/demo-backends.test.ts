import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NULL_SINK, createLogger } from '../../log';
import { createFakeClock } from '../../scheduler';
import type { DemoBackend, DemoBackends } from './demo-backends';
import { createDemoBackends } from './demo-backends';
import { buildDemoConfig } from './demo-config';

let running: DemoBackends | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

const url = (b: DemoBackend) => `http://${b.host === '::1' ? '[::1]' : b.host}:${b.port}/healthz`;

function tcpOutcome(b: DemoBackend): Promise<'open' | 'refused'> {
  return new Promise((resolve) => {
    const s = connect({ host: b.host, port: b.port });
    s.on('connect', () => (s.destroy(), resolve('open')));
    s.on('error', () => resolve('refused'));
  });
}

describe('demo backends', () => {
  it('serve on loopback ports, flap on the clock, and all close on stop', async () => {
    const clock = createFakeClock();
    running = await createDemoBackends({ clock, random: () => 0.5, logger: createLogger('demo', NULL_SINK), phases: { goodMs: 1_000, badMs: 1_000 } });
    const byName = new Map(running.backends.map((b) => [b.name, b]));
    expect(running.backends).toHaveLength(10);
    expect(new Set(running.backends.map((b) => b.port)).size).toBe(10);
    expect(running.backends.every((b) => b.host === '127.0.0.1' || b.host === '::1')).toBe(true);

    const web3 = byName.get('web-3')!;
    expect((await fetch(url(web3))).status).toBe(200);
    expect(await tcpOutcome(byName.get('api-2')!)).toBe('open');

    // Every flapper's first bad phase starts within one good phase.
    await clock.advance(1_000);
    expect(web3.failing()).toBe(true);
    const res = await fetch(url(web3));
    expect([res.status, await res.text()]).toEqual([503, 'web-3: maintenance\n']);
    expect(await tcpOutcome(byName.get('api-2')!)).toBe('refused');
    expect((await fetch(url(byName.get('web-1')!))).status).toBe(200);

    // ...and ends one bad phase later.
    await clock.advance(1_000);
    expect(web3.failing()).toBe(false);
    expect((await fetch(url(web3))).status).toBe(200);
    expect(await tcpOutcome(byName.get('api-2')!)).toBe('open');

    const all = running.backends;
    await running.stop();
    running = null;
    for (const b of all) expect(await tcpOutcome(b)).toBe('refused');
    expect(clock.pending()).toBe(0);
  });

  it('builds a config with three frontends and a check per backend port', async () => {
    running = await createDemoBackends({ clock: createFakeClock(), random: () => 0.5, logger: createLogger('demo', NULL_SINK) });
    const text = buildDemoConfig(running.backends, running.ipv6);
    for (const b of running.backends) expect(text).toContain(`      port: ${b.port}\n`);
    expect(text).toMatch(/www-v4:[\s\S]*api-v4:[\s\S]*(www-v6|static-v4):/);
    expect(text).toContain(running.ipv6 ? 'address: ::1' : 'static-1');
  });
});
