import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockBridge, type MockHandlers } from '../../../lib/mock-bridge';
import { renderWith } from '../../../test/render';
import { AUDIT_REFRESH_MS } from '../api/get-audit-log';
import type { AuditRecord } from './audit-format';
import { AuditView } from './audit-view';

const T = new Date(2024, 4, 6, 9, 15, 0).getTime();
const rec = (over: Partial<AuditRecord>): AuditRecord => ({
  atMs: T,
  user: 'alice',
  host: 'noc-1',
  origin: 'electron',
  op: 'backends:pause',
  site: 'lab',
  args: { site: 'lab', backend: 'web-a' },
  ok: true,
  error: null,
  ...over,
});
const RECORDS: AuditRecord[] = [
  rec({ atMs: T + 3000, op: 'backends:set-weight', args: { site: 'lab', frontend: 'www', pool: 'primary', backend: 'web-b', weight: 40 } }),
  rec({ atMs: T + 2000, op: 'config:apply', user: 'bob', origin: 'web', args: { site: 'lab', text: '<912 chars>' }, ok: false, error: { code: 'CONFIG_INVALID', message: 'backend web-q: unknown healthcheck' } }),
  rec({ atMs: T + 1000, site: 'edge', op: 'backends:resume' }),
  rec({ atMs: T }),
];

function bridge(over: MockHandlers = {}) {
  return createMockBridge({ 'audit:list': () => RECORDS, ...over });
}
const view = <AuditView host="web" sitesPath="/srv/maglev/sites.yaml" siteHref={(s) => `#/site/${s}/backends`} />;
const auditCalls = (b: ReturnType<typeof bridge>) => b.calls.filter((c) => c.op === 'audit:list').length;

afterEach(() => {
  vi.useRealTimers();
});

describe('AuditView', () => {
  it('shows every action newest first: time, who, via, operation, site, arguments, result', async () => {
    renderWith(bridge(), view);
    const table = await screen.findByRole('table', { name: 'Admin actions, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[3]!.textContent)).toEqual(['backends:set-weight', 'config:apply', 'backends:resume', 'backends:pause']);
    const cells = within(rows[0]!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['2024-05-06 09:15:03', 'alice@noc-1', 'electron', 'backends:set-weight', 'lab', 'frontend=www pool=primary backend=web-b weight=40', 'ok']);
    expect(within(rows[1]!).getAllByRole('cell')[6]!.textContent).toBe('CONFIG_INVALID backend web-q: unknown healthcheck');
    expect(rows[1]!.className).toContain('row-failed');
    expect(within(rows[2]!).getByRole('link', { name: 'edge' }).getAttribute('href')).toBe('#/site/edge/backends');
    expect(screen.getByRole('status', { name: 'audit log status' }).textContent).toMatch(/^4 of 4 · read /);
  });

  it('filters by site, operation and result', async () => {
    const user = userEvent.setup();
    renderWith(bridge(), view);
    const table = await screen.findByRole('table', { name: 'Admin actions, newest first' });
    const ops = () => within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[3]!.textContent);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Site' }), 'lab');
    expect(ops()).toEqual(['backends:set-weight', 'config:apply', 'backends:pause']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Result' }), 'failed');
    expect(ops()).toEqual(['config:apply']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Result' }), 'ok');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Operation' }), 'backends:pause');
    expect(ops()).toEqual(['backends:pause']);
    expect(screen.getByRole('status', { name: 'audit log status' }).textContent).toMatch(/^1 of 4/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Site' }), 'edge');
    expect(screen.getByText('No action matches these filters.')).toBeTruthy();
  });

  it('reads the log again on an interval and when the window regains focus', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const b = bridge();
    renderWith(b, view);
    await screen.findByRole('table', { name: 'Admin actions, newest first' });
    const first = auditCalls(b);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUDIT_REFRESH_MS + 50);
    });
    await waitFor(() => expect(auditCalls(b)).toBeGreaterThan(first));
    const second = auditCalls(b);
    act(() => void window.dispatchEvent(new Event('focus')));
    await waitFor(() => expect(auditCalls(b)).toBeGreaterThan(second));
  });

  it('explains where the log is written when it is empty', async () => {
    renderWith(bridge({ 'audit:list': () => [] }), view);
    expect(await screen.findByText('No admin actions recorded yet.')).toBeTruthy();
    expect(screen.getByText(/\/srv\/maglev\/audit\.log \(next to the sites file\)/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
