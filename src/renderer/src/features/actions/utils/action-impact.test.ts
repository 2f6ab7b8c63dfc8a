import { describe, expect, it } from 'vitest';
import type { BackendRow, BackendState, FrontendInfo } from '../../../../../shared/model';
import { backend, frontend, member } from '../../../test/fixtures';
import { actionImpact, describeAction } from './action-impact';

/** www: primary [a, b], standby [c]; api: primary [a]. */
function site(states: Record<string, BackendState>): { frontends: FrontendInfo[]; rows: BackendRow[] } {
  const f = (name: string, pools: FrontendInfo['pools']): FrontendInfo => frontend({ name, description: '', pools });
  return {
    frontends: [
      f('www', [
        { name: 'primary', backends: [member('a'), member('b', 50)] },
        { name: 'standby', backends: [member('c', 100, 0)] },
      ]),
      f('api', [{ name: 'primary', backends: [member('a', 30)] }]),
    ],
    rows: Object.entries(states).map(([n, state]) => backend(n, { state })),
  };
}

describe('actionImpact', () => {
  it('lists every pool of the backend and stays quiet when others keep the VIP up', () => {
    const { frontends, rows } = site({ a: 'up', b: 'up', c: 'up' });
    const i = actionImpact('pause', 'b', frontends, rows);
    expect(i).toEqual({ pools: ['www/primary (now 50)'], warnings: [] });
  });

  it('warns of a fail-over to the next pool and of a VIP left without traffic', () => {
    const { frontends, rows } = site({ a: 'up', b: 'down', c: 'up' });
    const i = actionImpact('disable', 'a', frontends, rows);
    expect(i.pools).toEqual(['www/primary (now 100)', 'api/primary (now 30)']);
    expect(i.warnings).toEqual(['www fails over from pool primary to pool standby.', 'api would have no backend carrying traffic: the VIP goes down.']);
  });

  it('warns when a weight of 0 leaves the active pool without traffic', () => {
    const { frontends, rows } = site({ a: 'up', b: 'paused', c: 'up' });
    expect(actionImpact('weight', 'a', frontends, rows, { frontend: 'www', pool: 'primary', to: 0 }).warnings).toEqual([
      'www would have no backend carrying traffic: the VIP goes down.',
    ]);
    expect(actionImpact('weight', 'a', frontends, rows, { frontend: 'www', pool: 'primary', to: 10 }).warnings).toEqual([]);
  });

  it('expects no immediate change from resume or enable (the backend waits for a passing probe)', () => {
    const { frontends, rows } = site({ a: 'paused', b: 'down', c: 'down' });
    expect(actionImpact('resume', 'a', frontends, rows).warnings).toEqual([]);
  });
});

describe('describeAction', () => {
  it('names the site and the pools that lose the backend', () => {
    const { frontends, rows } = site({ a: 'up', b: 'up', c: 'up' });
    const t = { site: 'lab', siteName: 'Lab', backend: backend('a'), frontend: 'www', pool: 'primary', weight: 100 };
    expect(describeAction('pause', t, actionImpact('pause', 'a', frontends, rows))).toBe(
      'Pause a (10.0.0.1) in site Lab: probing stops, the state becomes paused and its effective weight 0 in www/primary (now 100), api/primary (now 30) until resumed.',
    );
  });
});
