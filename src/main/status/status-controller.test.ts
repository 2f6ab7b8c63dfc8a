import { describe, expect, it } from 'vitest';
import { createStatusController, type StatusView } from './status-controller';
import type { DownNotification, MuteStore } from '../notifications';
import { createFakeClock } from '../../../tests/fixtures/fake-clock';
import { fakeSummary } from '../../../tests/fixtures/fake-site-service';

function memoryMutes(): MuteStore {
  const m = new Map<string, { site: string; backend: string }>();
  return {
    isMuted: (s, b) => m.has(`${s}/${b}`),
    setMuted: async (site, backend, on) => void (on ? m.set(`${site}/${backend}`, { site, backend }) : m.delete(`${site}/${backend}`)),
    clear: async () => m.clear(),
    list: () => [...m.values()],
  };
}

function setup() {
  const views: StatusView[] = [];
  const notes: DownNotification[] = [];
  const c = createStatusController({ clock: createFakeClock(), mutes: memoryMutes(), notify: (n) => notes.push(n), render: (v) => views.push(v) });
  return { c, views, notes };
}

const down = (backend: string) => ({
  site: 'demo',
  backends: [],
  frontends: [],
  transitions: [{ backend, from: 'up' as const, to: 'down' as const, atMs: 1, code: 'L4CON', detail: '' }],
  resync: false,
});

describe('createStatusController', () => {
  it('renders "starting…", then the summary of each sites:changed that changes it', () => {
    const { c, views } = setup();
    expect(views.map((v) => v.summary.text)).toEqual(['starting…']);
    c.onEvent('sites:changed', [fakeSummary()]);
    c.onEvent('sites:changed', [fakeSummary()]);
    c.onEvent('sites:changed', [fakeSummary({ backends: { unknown: 0, up: 1, down: 1, paused: 0, disabled: 0, removed: 0 } })]);
    expect(views.map((v) => v.summary.text)).toEqual(['starting…', 'all up', '1 backend down']);
  });

  it('notifies with the site name and offers the down backend in the mute menu', async () => {
    const { c, views, notes } = setup();
    c.onEvent('sites:changed', [fakeSummary({ id: 'demo', name: 'Demo site' })]);
    c.onEvent('health:changed', down('web1'));
    expect(notes.map((n) => n.body)).toEqual(['1 backend down in site Demo site: web1']);
    expect(views.at(-1)!.mutes).toEqual([{ site: 'demo', siteName: 'Demo site', backend: 'web1', muted: false }]);
    await c.setMuted('demo', 'web1', true);
    expect(views.at(-1)!.mutes[0]!.muted).toBe(true);
    await c.unmuteAll();
    expect(views.at(-1)!.mutes[0]!.muted).toBe(false);
  });

  it('ignores events it does not know', () => {
    const { c, views } = setup();
    c.onEvent('logs:appended', { site: 'x', records: [] });
    c.onEvent('nonsense', 1);
    expect(views).toHaveLength(1);
  });
});
