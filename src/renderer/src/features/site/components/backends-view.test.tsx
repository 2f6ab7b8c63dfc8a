import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMockBridge } from '../../../lib/mock-bridge';
import { applyHealthBatch } from '../../../lib/subscriptions';
import { backend, frontend, member } from '../../../test/fixtures';
import { renderWith } from '../../../test/render';
import type { FrontendInfo } from '../../../../../shared/model';
import { BackendsView } from './backends-view';

// Counts state badge renders, to prove that a push re-renders only the rows it changes.
const renders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../components/state-badge', () => ({
  StateBadge: ({ state }: { state: string }) => {
    renders.count++;
    return <span data-state={state}>{state}</span>;
  },
}));

const NAMES = Array.from({ length: 40 }, (_, i) => `web-${i}`);
const front: FrontendInfo = frontend({ description: '', pools: [{ name: 'primary', backends: NAMES.map((name) => member(name)) }] });

function bridge() {
  return createMockBridge({ 'frontends:list': () => [front], 'backends:list': () => NAMES.map((n) => backend(n)) });
}

beforeEach(() => void (renders.count = 0));

describe('BackendsView', () => {
  it('re-renders only the row whose backend changed when a push arrives', async () => {
    const { qc } = renderWith(bridge(), <BackendsView site="lab" />);
    const table = await screen.findByRole('table', { name: 'www pool primary' });
    await waitFor(() => expect(within(table).getAllByText('up')).toHaveLength(40));
    const before = renders.count;
    act(() => applyHealthBatch(qc, { site: 'lab', backends: [backend('web-7', { state: 'down' })], frontends: [], transitions: [], resync: false }));
    await waitFor(() => expect(table.querySelector('tr[data-backend="web-7"] [data-state]')?.getAttribute('data-state')).toBe('down'));
    // The changed row's badge, plus the frontend's header badge; not the 39 other rows.
    expect(renders.count - before).toBeLessThanOrEqual(2);
  });

  it('moves between rows with j/k and opens the focused row with Enter', async () => {
    const detailHref = (b: string) => `#/site/lab/backends/${b}`;
    renderWith(bridge(), <BackendsView site="lab" detailHref={detailHref} />);
    await screen.findByRole('table', { name: 'www pool primary' });
    await userEvent.keyboard('j');
    expect(document.activeElement?.getAttribute('data-backend')).toBe('web-0');
    await userEvent.keyboard('jjk');
    expect(document.activeElement?.getAttribute('data-backend')).toBe('web-1');
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(window.location.hash).toBe('#/site/lab/backends/web-1');
    expect(screen.getByRole('link', { name: 'web-3' }).getAttribute('href')).toBe('#/site/lab/backends/web-3');
  });

  it('filters by name, address or state', async () => {
    const b = createMockBridge({
      'frontends:list': () => [front],
      'backends:list': () => NAMES.map((n) => backend(n, n === 'web-12' ? { state: 'down' } : {})),
    });
    renderWith(b, <BackendsView site="lab" />);
    await screen.findByRole('table', { name: 'www pool primary' });
    const filter = screen.getByRole('searchbox', { name: 'Filter backends' });
    await userEvent.type(filter, 'down');
    const rows = () => Array.from(screen.getByRole('table', { name: 'www pool primary' }).querySelectorAll('tr[data-backend]')).map((r) => r.getAttribute('data-backend'));
    await waitFor(() => expect(rows()).toEqual(['web-12']));
    await userEvent.clear(filter);
    await userEvent.type(filter, 'web-3');
    await waitFor(() => expect(rows()).toEqual(['web-3', 'web-30', 'web-31', 'web-32', 'web-33', 'web-34', 'web-35', 'web-36', 'web-37', 'web-38', 'web-39']));
    await userEvent.clear(filter);
    await userEvent.type(filter, 'nomatch');
    expect(screen.getByText('Nothing matches “nomatch”.')).toBeTruthy();
  });
});
