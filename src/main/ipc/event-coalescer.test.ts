import { describe, expect, it } from 'vitest';
import { createEventCoalescer } from './event-coalescer';
import { createEventBroadcaster } from './event-broadcaster';
import { createSenderCheck } from './sender-check';
import { createFakeClock } from '../../../tests/fixtures/fake-clock';
import { fakeSummary } from '../../../tests/fixtures/fake-site-service';
import type { BackendRow, TransitionRecord } from '../../shared/model';

function row(name: string, state: BackendRow['state']): BackendRow {
  return { name, address: '127.0.0.1', state, enabled: true, healthcheck: 'hc', transitions: [], lastProbe: null, probing: false };
}
function tr(backend: string, atMs: number): TransitionRecord {
  return { backend, from: 'up', to: 'down', atMs, code: 'L4CON', detail: '' };
}
const health = (site: string, backends: BackendRow[], transitions: TransitionRecord[] = [], resync = false) => ({
  site,
  backends,
  frontends: [],
  transitions,
  resync,
});

function setup(opts: { maxTransitions?: number } = {}) {
  const clock = createFakeClock();
  const sent: { event: string; payload: unknown; at: number }[] = [];
  const c = createEventCoalescer({ clock, send: (event, payload) => sent.push({ event, payload, at: clock.now() }), ...opts });
  return { clock, sent, c };
}

describe('createEventCoalescer', () => {
  it('sends the first batch at once and then at most one per 100 ms', () => {
    const { clock, sent, c } = setup();
    c.push('sites:changed', [fakeSummary({ name: 'a' })]);
    clock.advance(0);
    expect(sent).toHaveLength(1);
    c.push('sites:changed', [fakeSummary({ name: 'b' })]);
    c.push('sites:changed', [fakeSummary({ name: 'c' })]);
    clock.advance(99);
    expect(sent).toHaveLength(1);
    clock.advance(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.payload).toEqual([fakeSummary({ name: 'c' })]);
    expect(sent[1]!.at - sent[0]!.at).toBe(100);
  });

  it('keeps the latest row per backend and every transition, per site', () => {
    const { clock, sent, c } = setup();
    c.push('health:changed', health('s1', [row('a', 'up'), row('b', 'up')], [tr('a', 1)]));
    c.push('health:changed', health('s2', [row('a', 'down')]));
    c.push('health:changed', health('s1', [row('a', 'down')], [tr('a', 2)], true));
    clock.advance(0);
    expect(sent.map((s) => s.event)).toEqual(['health:changed', 'health:changed']);
    expect(sent[0]!.payload).toEqual(health('s1', [row('a', 'down'), row('b', 'up')], [tr('a', 1), tr('a', 2)], true));
    expect(sent[1]!.payload).toEqual(health('s2', [row('a', 'down')]));
  });

  it('bounds transitions and asks for a resync when it dropped some', () => {
    const { clock, sent, c } = setup({ maxTransitions: 3 });
    c.push('health:changed', health('s', [], [1, 2, 3, 4, 5].map((t) => tr('a', t))));
    clock.advance(0);
    const p = sent[0]!.payload as ReturnType<typeof health>;
    expect(p.transitions.map((t) => t.atMs)).toEqual([3, 4, 5]);
    expect(p.resync).toBe(true);
  });

  it('concatenates log records per site and drops unknown events', () => {
    const { clock, sent, c } = setup();
    const rec = (msg: string) => ({ atMs: 1, level: 'info' as const, msg, attrs: {} });
    c.push('logs:appended', { site: 's', records: [rec('a')] });
    c.push('evil:event', { x: 1 });
    c.push('logs:appended', { site: 's', records: [rec('b')] });
    clock.advance(0);
    expect(sent).toEqual([{ event: 'logs:appended', payload: { site: 's', records: [rec('a'), rec('b')] }, at: expect.any(Number) }]);
  });

  it('sends nothing after dispose', () => {
    const { clock, sent, c } = setup();
    c.push('sites:changed', []);
    c.dispose();
    clock.advance(1000);
    expect(sent).toHaveLength(0);
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('createEventBroadcaster', () => {
  it('sends on the contract channel to live windows showing the app page only', () => {
    const got: string[] = [];
    const wc = (name: string, url: string, destroyed = false) => ({
      isDestroyed: () => destroyed,
      getURL: () => url,
      send: (channel: string) => got.push(`${name} ${channel}`),
    });
    const send = createEventBroadcaster({
      targets: () => [wc('a', 'app://maglev/index.html'), wc('b', 'https://evil/'), wc('c', 'app://maglev/', true), wc('d', 'app://maglev/#/x')],
      isTrustedSender: createSenderCheck(['app://maglev']),
    });
    send('sites:changed', []);
    expect(got).toEqual(['a maglev:sites:changed', 'd maglev:sites:changed']);
  });
});
