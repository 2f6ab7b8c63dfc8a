import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backend, frontend } from '../../../test/fixtures';
import { PoolTable, VIRTUAL_THRESHOLD } from './pool-table';

describe('PoolTable', () => {
  it('renders every member of a short pool', () => {
    const f = frontend();
    const rows = new Map([['web-a', backend('web-a')]]);
    render(<PoolTable frontend={f} pool={f.pools[0]!} index={0} backends={rows} />);
    const table = screen.getByRole('table', { name: 'www pool primary' });
    expect(within(table).getByText('web-a')).toBeTruthy();
    expect(within(table).getByText('active')).toBeTruthy();
  });

  afterEach(() => vi.restoreAllMocks());

  it('renders only a window of a 10,000-member pool, from the first paint', () => {
    // jsdom has no layout: the scroll box reports the height a browser would give it.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('virtual-scroll') ? 600 : 0;
    });
    const f = frontend();
    const members = Array.from({ length: 10_000 }, (_, i) => ({ name: `b${i}`, weight: 100, effectiveWeight: 100, flush: false }));
    const pool = { name: 'huge', backends: members };
    const rows = new Map(members.map((m) => [m.name, backend(m.name)]));
    const { container } = render(<PoolTable frontend={f} pool={pool} index={0} backends={rows} />);
    const rendered = container.querySelectorAll('tr[data-backend]').length;
    expect(members.length).toBeGreaterThan(VIRTUAL_THRESHOLD);
    expect(rendered).toBeLessThan(200);
    expect(rendered).toBeGreaterThan(0);
  });
});
