import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMockBridge, type MockBridge } from '../lib/mock-bridge';
import { backend, frontend, site } from '../test/fixtures';
import { renderWith } from '../test/render';
import { App } from './app';
import { emptyBackendCounts } from '../../../shared/model';

function bridgeFor(readOnly = false): MockBridge {
  const rows = [backend('web-a'), backend('web-b')];
  return createMockBridge({
    'app:info': () => ({ version: 't', readOnly, sitesPath: '/x', host: 'web', user: 'noc' }),
    'sites:list': () => [
      site(),
      site({ id: 'edge', name: 'Edge', state: 'offline', lastError: 'connect ECONNREFUSED', backends: emptyBackendCounts() }),
      site({ id: 'core', name: 'Core', backends: { ...emptyBackendCounts(), up: 3, down: 2 }, worst: '2 backends down in www' }),
    ],
    'frontends:list': () => [frontend()],
    'backends:list': () => rows,
    'healthchecks:get': ({ name }) => ({ name, type: 'http', port: 80, intervalMs: 1000, fastIntervalMs: 500, downIntervalMs: 2000, timeoutMs: 400, rise: 2, fall: 3, http: { path: '/healthz', host: '', responseCodeMin: 200, responseCodeMax: 299, responseRegexp: '', serverName: '', insecureSkipVerify: false }, tcp: null }),
    'backends:pause': ({ backend: b }) => ({ ...backend(b), state: 'paused' }),
    'backends:disable': () => {
      throw Object.assign(new Error('backend web-a is busy'), { code: 'FAILED_PRECONDITION' });
    },
  });
}

beforeEach(() => {
  window.location.hash = '#/';
});

describe('overview', () => {
  it('shows every site, worst first, with counts', async () => {
    renderWith(bridgeFor(), <App />);
    const cards = await screen.findAllByRole('link', { name: /^site / });
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual(['site Edge', 'site Core', 'site Lab']);
    expect(within(cards[1]!).getByText('UP 3/5')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'overall health' }).textContent).toBe('2 down, 1 site offline');
  });
});

describe('site view', () => {
  it('lists pools with their backends and applies pushed updates', async () => {
    const bridge = bridgeFor();
    window.location.hash = '#/site/lab/backends';
    renderWith(bridge, <App />);
    const primary = await screen.findByRole('table', { name: 'www pool primary' });
    expect(within(primary).getByText('web-a')).toBeTruthy();
    expect(within(primary).getByText('active')).toBeTruthy();
    act(() => bridge.emit('health:changed', { site: 'lab', backends: [backend('web-a', { state: 'down' })], frontends: [], transitions: [], resync: false }));
    await waitFor(() => expect(within(primary).getByText('down')).toBeTruthy());
  });

  it('confirms an action with what it does, then shows the result inline', async () => {
    const bridge = bridgeFor();
    window.location.hash = '#/site/lab/backends';
    renderWith(bridge, <App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Pause web-a' }));
    expect(screen.getByText(/probing stops, the state becomes paused and its effective weight 0 in www\/primary \(now 100\)/)).toBeTruthy();
    expect(screen.getByText(/www fails over from pool primary to pool standby/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm pause' }));
    await waitFor(() => expect(bridge.calls.some((c) => c.op === 'backends:pause')).toBe(true));
    expect(await screen.findByText('paused', { selector: '.result-ok' })).toBeTruthy();
  });

  it('refuses a weight outside 0-100 and sends a valid one', async () => {
    const bridge = bridgeFor();
    window.location.hash = '#/site/lab/backends';
    renderWith(bridge, <App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Set weight of web-a in primary' }));
    const input = screen.getByRole('spinbutton', { name: /Weight/ });
    const confirm = screen.getByRole('button', { name: 'Confirm weight' }) as HTMLButtonElement;
    await userEvent.clear(input);
    await userEvent.type(input, '250');
    expect(confirm.disabled).toBe(true);
    await userEvent.clear(input);
    await userEvent.type(input, '0');
    expect(screen.getByText(/from 100 to 0/)).toBeTruthy();
    expect(screen.getByText(/www would have no backend carrying traffic/)).toBeTruthy();
    expect(confirm.disabled).toBe(false);
  });

  it('hides actions in read-only mode', async () => {
    window.location.hash = '#/site/lab/backends';
    renderWith(bridgeFor(true), <App />);
    await screen.findByRole('table', { name: 'www pool primary' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Pause web-a' })).toBeNull());
    expect(screen.getByText('read-only')).toBeTruthy();
  });
});

describe('backend detail', () => {
  it('opens from the URL with the check, pools and transitions, and Escape closes it', async () => {
    window.location.hash = '#/site/lab/backends/web-a';
    renderWith(bridgeFor(), <App />);
    const detail = await screen.findByRole('complementary', { name: 'backend web-a' });
    expect(within(detail).getByText('10.0.0.1')).toBeTruthy();
    await waitFor(() => expect(within(detail).getByText(/http port 80 \/healthz expects 200-299/)).toBeTruthy());
    const pools = within(detail).getByRole('table', { name: 'Pools of this backend' });
    expect(within(pools).getByText(/primary/).textContent).toContain('active');
    expect(within(detail).getByRole('list', { name: 'Recent transitions' }).textContent).toContain('L7OK');
    expect(within(detail).getByRole('link', { name: 'full timeline' }).getAttribute('href')).toBe('#/site/lab/timeline/web-a');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(window.location.hash).toBe('#/site/lab/backends'));
    await waitFor(() => expect(screen.queryByRole('complementary', { name: 'backend web-a' })).toBeNull());
  });
});

describe('command palette', () => {
  it('opens with Ctrl-K and navigates to a site view', async () => {
    renderWith(bridgeFor(), <App />);
    await screen.findAllByRole('link', { name: /^site / });
    await userEvent.keyboard('{Control>}k{/Control}');
    const palette = screen.getByRole('dialog', { name: 'Command palette' });
    await userEvent.type(within(palette).getByRole('searchbox', { name: 'Command' }), 'Core: timeline{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/site/core/timeline'));
  });
});
