import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConfigDiff } from '../../../shared/model';
import { createMockBridge } from '../lib/mock-bridge';
import { site } from '../test/fixtures';
import { renderWith } from '../test/render';
import { App } from './app';

// CodeMirror measures text ranges; jsdom has no layout, so empty geometry is the honest answer.
Range.prototype.getClientRects ??= () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

const NO_CHANGE: ConfigDiff = {
  backends: { added: [], removed: [], restarted: [], unchanged: ['web-a'] },
  frontends: { added: [], removed: [], changed: [], unchanged: [] },
  healthchecks: { added: [], removed: [], changed: [] },
  emptiedPools: [],
};
const ENTRY = { id: 'h1', atMs: Date.now() - 60_000, user: 'alice', host: 'noc-1', origin: 'web', path: '/etc/maglev/lab.yaml', bytes: 40, diff: NO_CHANGE };

function bridge(readOnly = false) {
  return createMockBridge({
    'app:info': () => ({ version: 't', readOnly, sitesPath: '/srv/maglev/sites.yaml', host: 'web', user: 'noc' }),
    'sites:list': () => [site(), site({ id: 'edge', name: 'Edge', kind: 'remote', configEditable: false })],
    'config:history': () => [ENTRY],
    'config:history-get': () => ({ entry: ENTRY, text: 'maglev: {}\n' }),
    'config:read': () => ({ path: '/etc/maglev/lab.yaml', text: 'maglev: {}\n', editable: true, legacy: false }),
    'config:validate': () => ({ ok: true, kind: 'ok', issues: [], warnings: [], legacy: false }),
    'audit:list': () => [{ atMs: Date.now(), user: 'alice', host: 'noc-1', origin: 'web', op: 'backends:pause', site: 'lab', args: { site: 'lab', backend: 'web-a' }, ok: true, error: null }],
  });
}

beforeEach(() => {
  window.location.hash = '#/';
});

describe('audit log route', () => {
  it('is linked next to Sites and opens the audit table', async () => {
    const user = userEvent.setup();
    renderWith(bridge(), <App />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Overview', 'Sites', 'Audit log']);
    await user.click(within(nav).getByRole('link', { name: 'Audit log' }));
    const table = await screen.findByRole('table', { name: 'Admin actions, newest first' });
    expect(within(table).getByText('backends:pause')).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Audit log' }).getAttribute('aria-current')).toBe('page');
  });

  it('is in the command palette', async () => {
    const user = userEvent.setup();
    renderWith(bridge(), <App />);
    await user.keyboard('{Control>}k{/Control}');
    const palette = screen.getByRole('dialog', { name: 'Command palette' });
    await user.type(within(palette).getByRole('searchbox', { name: 'Command' }), 'audit{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/audit'));
    await user.keyboard('{Control>}k{/Control}');
    await user.type(screen.getByRole('searchbox', { name: 'Command' }), 'Lab: history{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/site/lab/history'));
  });
});

describe('config history tab', () => {
  it('is a site tab; an entry opens from the URL and Restore leads to the config tab with its id', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/site/lab/history/h1';
    renderWith(bridge(), <App />);
    const tabs = await screen.findByRole('navigation', { name: 'Site views' });
    expect(within(tabs).getByRole('link', { name: 'history' }).getAttribute('aria-current')).toBe('page');
    const restore = await screen.findByRole('link', { name: 'Restore in editor…' });
    await user.click(restore);
    await waitFor(() => expect(window.location.hash).toBe('#/site/lab/config/h1'));
    expect(await screen.findByRole('region', { name: 'Config editor' })).toBeTruthy();
  });

  it('offers no Restore when read-only, and says remote sites keep no history', async () => {
    window.location.hash = '#/site/lab/history/h1';
    const { unmount } = renderWith(bridge(true), <App />);
    expect(await screen.findByText(/Read-only: restoring needs a session/)).toBeTruthy();
    unmount();
    window.location.hash = '#/site/edge/history';
    const b = bridge();
    renderWith(b, <App />);
    expect(await screen.findByText(/Config history is kept for local sites/)).toBeTruthy();
    expect(b.calls.some((c) => c.op === 'config:history')).toBe(false);
  });
});
