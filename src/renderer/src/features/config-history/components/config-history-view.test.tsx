import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConfigDiff, ConfigHistoryEntry } from '../../../../../shared/model';
import { BridgeError } from '../../../lib/bridge';
import { createMockBridge, type MockHandlers } from '../../../lib/mock-bridge';
import { renderWith } from '../../../test/render';
import { ConfigHistoryView } from './config-history-view';

// CodeMirror measures text ranges; jsdom has no layout, so empty geometry is the honest answer.
Range.prototype.getClientRects ??= () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

const OLD = '# lab\nmaglev:\n  backends:\n    web-a: { address: 10.0.0.1 }\n    web-b: { address: 10.0.0.2 }\n';
const CURRENT = '# lab\nmaglev:\n  backends:\n    web-a: { address: 10.0.0.1 }\n    web-c: { address: 10.0.0.3 }\n';

const diff = (over: Partial<ConfigDiff> = {}): ConfigDiff => ({
  backends: { added: [], removed: [], restarted: [], unchanged: ['web-a'] },
  frontends: { added: [], removed: [], changed: [], unchanged: ['www'] },
  healthchecks: { added: [], removed: [], changed: [] },
  emptiedPools: [],
  ...over,
});
const entry = (id: string, atMs: number, d: ConfigDiff, user = 'alice'): ConfigHistoryEntry => ({
  id,
  atMs,
  user,
  host: 'noc-1',
  origin: 'electron',
  path: '/etc/maglev/lab.yaml',
  bytes: 812,
  diff: d,
});
const T = new Date(2024, 4, 6, 14, 30, 5).getTime();
const ENTRIES = [
  entry('h2', T, diff({ backends: { added: ['web-c'], removed: ['web-b'], restarted: [], unchanged: ['web-a'] } }), 'bob'),
  entry('h1', T - 3_600_000, diff({ frontends: { added: [], removed: [], changed: [{ name: 'www', changes: ['pool primary: web-b weight 100 → 40'], weightOnly: true }], unchanged: [] } })),
];

function bridge(over: MockHandlers = {}) {
  return createMockBridge({
    'config:history': () => ENTRIES,
    'config:history-get': ({ id }) => ({ entry: ENTRIES.find((e) => e.id === id)!, text: id === 'h2' ? CURRENT : OLD }),
    'config:read': () => ({ path: '/etc/maglev/lab.yaml', text: CURRENT, editable: true, legacy: false }),
    ...over,
  });
}
const href = (id: string) => `#/site/lab/history/${id}`;
const restore = (id: string) => `#/site/lab/config/${id}`;

describe('ConfigHistoryView', () => {
  it('lists applied configs newest first with time, author, origin and a one-line summary', async () => {
    renderWith(bridge(), <ConfigHistoryView site="lab" local entryHref={href} restoreHref={restore} />);
    const table = await screen.findByRole('table', { name: 'Applied configs, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('2024-05-06 14:30:05');
    expect(rows[0]!.textContent).toContain('bob@noc-1');
    expect(rows[0]!.textContent).toContain('electron');
    expect(within(rows[0]!).getByText('+1').getAttribute('title')).toBe('web-c');
    expect(within(rows[0]!).getByText('−1').getAttribute('title')).toBe('web-b');
    expect(within(rows[1]!).getByText('weights only: www')).toBeTruthy();
    expect(within(rows[1]!).getByRole('link', { name: '2024-05-06 13:30:05' }).getAttribute('href')).toBe('#/site/lab/history/h1');
    expect(screen.getByText(/Pick one to see its text/)).toBeTruthy();
  });

  it('shows the selected version read-only beside the current file, what applying it did, and Restore', async () => {
    const b = bridge();
    renderWith(b, <ConfigHistoryView site="lab" local selected="h1" entryHref={href} restoreHref={restore} />);
    const detail = await screen.findByRole('region', { name: 'config applied 2024-05-06 13:30:05' });
    expect(within(detail).getByRole('heading', { level: 3 }).textContent).toBe('Applied 2024-05-06 13:30:05 by alice@noc-1');
    const merge = await within(detail).findByRole('group', { name: 'This version beside the current file' });
    await waitFor(() => expect(merge.querySelector('.cm-merge-a .cm-content')?.textContent).toContain('web-b: { address: 10.0.0.2 }'));
    expect(merge.querySelector('.cm-merge-b .cm-content')?.textContent).toContain('web-c: { address: 10.0.0.3 }');
    expect(merge.querySelectorAll('.cm-changedLine').length).toBeGreaterThan(0);
    expect(merge.querySelector('.cm-merge-a .cm-content')?.getAttribute('aria-readonly')).toBe('true');
    const did = within(detail).getByRole('region', { name: 'What applying it did' });
    expect(did.textContent).toContain('Frontend www (weights only)');
    expect(did.textContent).toContain('pool primary: web-b weight 100 → 40');
    expect(within(detail).getByRole('link', { name: 'Restore in editor…' }).getAttribute('href')).toBe('#/site/lab/config/h1');
    expect(within(screen.getByRole('table')).getAllByRole('row')[2]!.getAttribute('aria-current')).toBe('true');
    // Viewing never changes anything on the host.
    expect(b.calls.map((c) => c.op).filter((op) => !['config:history', 'config:history-get', 'config:read'].includes(op))).toEqual([]);
  });

  it('says when a version equals the current file, and can collapse unchanged lines', async () => {
    const user = userEvent.setup();
    renderWith(bridge(), <ConfigHistoryView site="lab" local selected="h2" entryHref={href} restoreHref={restore} />);
    expect(await screen.findByText('Identical to the current file.')).toBeTruthy();
    const box = screen.getByRole('checkbox', { name: 'Only changed lines' });
    await user.click(box);
    expect((box as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('region', { name: 'What applying it did' }).textContent).toContain('Backends added (1)web-c');
  });

  it('offers no Restore in a read-only session', async () => {
    renderWith(bridge(), <ConfigHistoryView site="lab" local selected="h1" entryHref={href} restoreHref={null} />);
    expect(await screen.findByText(/Read-only: restoring needs a session/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Restore in editor…' })).toBeNull();
  });

  it('explains calmly that remote sites keep no history, without asking the host', async () => {
    const b = bridge();
    renderWith(b, <ConfigHistoryView site="lab" local={false} entryHref={href} restoreHref={restore} />);
    expect(screen.getByText(/Config history is kept for local sites/)).toBeTruthy();
    expect(b.calls).toEqual([]);
  });

  it('shows the host refusing history for a site as a note, and a lost connection as an error', async () => {
    const refusing = bridge({
      'config:history': () => {
        throw new BridgeError('FAILED_PRECONDITION', 'site edge is remote: no config history');
      },
    });
    renderWith(refusing, <ConfigHistoryView site="edge" local entryHref={href} restoreHref={restore} />);
    expect(await screen.findByText('History is kept for local sites; the host has none for this one.')).toBeTruthy();
    expect(screen.getByText('site edge is remote: no config history')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains the empty history', async () => {
    renderWith(bridge({ 'config:history': () => [] }), <ConfigHistoryView site="lab" local entryHref={href} restoreHref={restore} />);
    expect(await screen.findByText(/No config has been applied to this site from this host yet/)).toBeTruthy();
  });
});
