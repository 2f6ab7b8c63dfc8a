import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrontendInfo } from '../../../../../shared/model';
import { createMockBridge } from '../../../lib/mock-bridge';
import { backend, frontend, member } from '../../../test/fixtures';
import { renderWith } from '../../../test/render';
import { BackendsView } from './backends-view';

/** 600 VIPs of 10 backends: 6,000 rows, far more than a screen. */
function bigSite() {
  const fronts: FrontendInfo[] = Array.from({ length: 600 }, (_, i) =>
    frontend({
      name: `vip-${i}`,
      address: `192.0.2.${i % 250}`,
      description: '',
      pools: [{ name: 'primary', backends: Array.from({ length: 10 }, (_, j) => member(`b${i}-${j}`)) }],
    }),
  );
  const rows = fronts.flatMap((f) => f.pools[0]!.backends.map((m) => backend(m.name)));
  return createMockBridge({ 'frontends:list': () => fronts, 'backends:list': () => rows });
}

describe('FrontendList', () => {
  // jsdom has no layout: each section reports the height a browser would measure.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('frontend-slot') ? 400 : 0;
    });
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('mounts only the frontends near the viewport of a large site, and the filter still reaches the rest', async () => {
    const { container } = renderWith(bigSite(), <BackendsView site="big" />);
    await screen.findByRole('region', { name: 'frontend vip-0' });
    const mounted = container.querySelectorAll('section.frontend').length;
    expect(mounted).toBeGreaterThan(0);
    expect(mounted).toBeLessThan(20);
    expect(screen.queryByRole('region', { name: 'frontend vip-599' })).toBeNull();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter backends' }), 'b599-3');
    await waitFor(() => expect(screen.getByRole('table', { name: 'vip-599 pool primary' })).toBeTruthy());
    expect(container.querySelectorAll('tr[data-backend]')).toHaveLength(1);
  });
});
