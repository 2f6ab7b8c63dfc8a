import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FrontendInfo, ProbeSamplesDto } from '../../../../../shared/model';
import { createMockBridge } from '../../../lib/mock-bridge';
import { frontend } from '../../../test/fixtures';
import { renderWith } from '../../../test/render';
import { toColumns } from './latency-chart';
import { VipGraphs } from './vip-graphs';

// uPlot needs a real canvas; here the chart only reports which samples it was given.
vi.mock('./latency-chart', async (orig) => ({
  ...(await orig<typeof import('./latency-chart')>()),
  LatencyChart: ({ samples }: { samples: ProbeSamplesDto }) => <figure aria-label={`chart ${samples.backend}`}>{samples.atMs.length} probes</figure>,
}));

const samples = (backend: string): ProbeSamplesDto => ({
  backend,
  atMs: [1000, 2000, 3000],
  durationMs: [2, 30, 4],
  ok: [true, false, true],
  code: ['L7OK', 'L4TOUT', 'L7OK'],
  state: ['up', 'down', 'up'],
});

describe('toColumns', () => {
  it('splits latency into pass and fail series on a seconds axis', () => {
    expect(toColumns(samples('a'))).toEqual([
      [1, 2, 3],
      [2, null, 4],
      [null, 30, null],
    ]);
  });
});

describe('VipGraphs', () => {
  it('asks history:range for the chosen VIP’s backends and switches VIP', async () => {
    const user = userEvent.setup();
    const other: FrontendInfo = { ...frontend(), name: 'api', pools: [{ name: 'p', backends: [{ name: 'api-1', weight: 1, effectiveWeight: 1, flush: false }] }] };
    const bridge = createMockBridge({ 'history:range': ({ backends }) => backends.map(samples) });
    renderWith(bridge, <VipGraphs site="lab" frontends={[frontend(), other]} />);
    expect(await screen.findByRole('figure', { name: 'chart web-a' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'chart web-b' }).textContent).toBe('3 probes');
    expect(bridge.calls[0]?.request).toMatchObject({ site: 'lab', backends: ['web-a', 'web-b'] });
    await user.selectOptions(screen.getByRole('combobox', { name: 'VIP' }), 'api');
    expect(await screen.findByRole('figure', { name: 'chart api-1' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('figure', { name: 'chart web-a' })).toBeNull());
  });

  it('says so when the site has no frontends', () => {
    renderWith(createMockBridge({}), <VipGraphs site="lab" frontends={[]} />);
    expect(screen.getByText('This site has no frontends.')).toBeTruthy();
  });
});
