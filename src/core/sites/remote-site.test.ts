import { describe, expect, it } from 'vitest';
import type { BackendInfo, Transition } from '../../shared/model';
import { NULL_SINK, createLogger } from '../log';
import { createFakeClock } from '../scheduler';
import type { SiteEvent } from './types';
import { createRemoteSite, loadClientTls } from './remote-site';
import { createFakeClient } from './testing/fake-client';

const logger = createLogger('test', NULL_SINK);
const spec = { name: 'Berlin', kind: 'remote' as const, address: '127.0.0.1:9090' };

const info = (name: string, state: BackendInfo['state'], transitions: Transition[], lastProbe: BackendInfo['lastProbe'] = null): BackendInfo => ({
  name,
  address: '10.0.0.1',
  state,
  enabled: true,
  healthcheck: 'web',
  transitions,
  lastProbe,
});
const t = (atMs: number, from: Transition['from'], to: Transition['to']): Transition => ({ from, to, atMs, code: 'L7OK', detail: '' });
const probe = (atMs: number, ok = true) => ({ ok, code: ok ? 'L7OK' : 'L7STS', detail: '', atMs, durationMs: 5 });

function setup() {
  const client = createFakeClient();
  client.setBackend(info('a', 'up', [t(100, 'unknown', 'up')], probe(90)));
  client.setFrontend({
    name: 'www', address: '192.0.2.1', protocol: 'tcp', port: 80, description: '', srcIpSticky: false, flushOnDown: true, state: 'up',
    pools: [{ name: 'p', backends: [{ name: 'a', weight: 100, effectiveWeight: 100, flush: false }] }], activePool: 0,
  });
  const site = createRemoteSite({ id: 'berlin', spec, clock: createFakeClock(), random: () => 0.5, logger, client });
  const events: SiteEvent[] = [];
  site.subscribe((e) => events.push(e));
  return { client, site, events };
}

describe('remote site', () => {
  it('serves the client snapshot and learns the history it already had', () => {
    const { site } = setup();
    expect(site.summary()).toMatchObject({ id: 'berlin', kind: 'remote', location: '127.0.0.1:9090', state: 'ready', frontendsUp: 1, configEditable: false });
    expect(site.listBackends()).toEqual([expect.objectContaining({ name: 'a', probing: false })]);
    expect(site.transitions({}).map((r) => r.atMs)).toEqual([100]);
    expect(site.history(['a'])[0]).toMatchObject({ atMs: [90], ok: [true], state: ['up'] });
  });

  it('turns probe-start/done into heartbeats and one sample per probe, however it arrives', () => {
    const { client, site, events } = setup();
    client.log(1000, 'probe-start', { backend: 'a', type: 'http' });
    expect(site.getBackend('a')?.probing).toBe(true);
    client.log(1012, 'probe-done', { backend: 'a', type: 'http', ok: 'false', code: 'L7STS', detail: 'HTTP 503', elapsed: '12ms' });
    expect(site.getBackend('a')?.probing).toBe(false);
    // The transition this probe caused arrives after its probe-done record, with the same probe in lastProbe.
    const down = info('a', 'down', [t(1012, 'up', 'down'), t(100, 'unknown', 'up')], { ...probe(1000, false), durationMs: 12 });
    client.setBackend(down);
    client.push({ type: 'backend', backend: 'a', transition: t(1012, 'up', 'down'), info: down });
    client.push({ type: 'resync' }); // a resync re-reads the same lastProbe and history
    expect(site.history(['a'])[0]).toMatchObject({ atMs: [90, 1000], ok: [true, false], state: ['up', 'down'], code: ['L7OK', 'L7STS'] });
    expect(site.transitions({}).map((r) => r.atMs)).toEqual([1012, 100]);
    expect(events.filter((e) => e.type === 'probing')).toEqual([
      { type: 'probing', backend: 'a', probing: true },
      { type: 'probing', backend: 'a', probing: false },
    ]);
    expect(site.recentLogs('debug').map((r) => r.msg)).toEqual(['probe-start', 'probe-done']);
  });

  it('reports a frontend refresh as a frontend event and passes connection state through', () => {
    const { client, site, events } = setup();
    client.push({ type: 'frontend-info', frontend: 'www' });
    expect(events.at(-1)).toMatchObject({ type: 'frontend', frontend: 'www', from: 'up', to: 'up' });
    client.setState('offline', 'UNAVAILABLE: connection refused');
    expect(site.status()).toMatchObject({ state: 'offline', lastError: 'UNAVAILABLE: connection refused' });
    expect(events.at(-1)).toMatchObject({ type: 'status' });
  });

  it('maps config operations to the daemon and refuses to apply', async () => {
    const { client, site } = setup();
    expect(await site.readConfig()).toMatchObject({ ok: true, value: { editable: false, text: expect.stringContaining("daemon (127.0.0.1:9090)") } });
    expect(await site.diffConfig('x')).toEqual({ ok: true, value: null });
    expect(await site.applyConfig('x')).toEqual({ ok: false, error: { code: 'FAILED_PRECONDITION', message: "remote sites' config files live on the daemon's host; use Check/Reload" } });
    expect(await site.checkConfig()).toEqual({ ok: true, value: { ok: false, parseError: '', semanticError: 'maglev.yaml:3:5: bad' } });
    expect((await site.reloadConfig()).ok).toBe(true);
    expect((await site.pause('a')).ok).toBe(true);
    expect(client.calls).toEqual(['check', 'reload', 'pause a']);
    await site.dispose();
    expect(client.closed).toBe(true);
  });

  it('never connects in plaintext when the entry asks for TLS it cannot load', () => {
    let created = 0;
    const site = createRemoteSite({
      id: 'x', spec: { ...spec, tls: { ca: '/nonexistent/ca.pem' } }, clock: createFakeClock(), random: () => 0.5, logger,
      createClient: () => {
        created++;
        return createFakeClient();
      },
    });
    expect(created).toBe(0);
    expect(site.summary()).toMatchObject({ state: 'offline', lastError: expect.stringContaining('TLS ca /nonexistent/ca.pem') });
    expect(loadClientTls({ cert: 'c' }, () => Buffer.from('pem'))).toMatchObject({ ok: false });
    expect(loadClientTls({ ca: 'c', serverName: 'n' }, () => Buffer.from('pem'))).toEqual({ ok: true, value: { ca: Buffer.from('pem'), serverName: 'n' } });
    expect(loadClientTls(null)).toEqual({ ok: true, value: null });
  });
});
