import { describe, expect, it } from 'vitest';
import { summarizeHealth, trayTooltip, windowTitle } from './health-summary';
import { fakeSummary } from '../../../tests/fixtures/fake-site-service';

const counts = (down: number) => ({ unknown: 0, up: 3, down, paused: 1, disabled: 0, removed: 0 });

describe('summarizeHealth', () => {
  it('says starting before the first summary and "no sites" for none', () => {
    expect(summarizeHealth(null)).toMatchObject({ level: 'unknown', text: 'starting…' });
    expect(summarizeHealth([])).toMatchObject({ level: 'unknown', text: 'no sites' });
  });

  it('says all up when nothing is down or offline (paused is not a problem)', () => {
    const s = summarizeHealth([fakeSummary({ backends: counts(0) }), fakeSummary({ id: 'b', backends: counts(0) })]);
    expect(s).toEqual({ level: 'ok', down: 0, offline: 0, text: 'all up' });
    expect(windowTitle(s)).toBe('Maglev Monitor — all up');
    expect(trayTooltip(s)).toBe('Maglev Monitor: all up');
  });

  it('counts down backends across sites', () => {
    expect(summarizeHealth([fakeSummary({ backends: counts(1) })]).text).toBe('1 backend down');
    const s = summarizeHealth([fakeSummary({ backends: counts(2) }), fakeSummary({ id: 'b', backends: counts(1) })]);
    expect(s).toMatchObject({ level: 'problem', down: 3, text: '3 backends down' });
    expect(windowTitle(s)).toBe('Maglev Monitor — 3 backends down');
  });

  it('reports offline sites too', () => {
    const s = summarizeHealth([
      fakeSummary({ backends: counts(1) }),
      fakeSummary({ id: 'b', state: 'offline', backends: counts(0) }),
      fakeSummary({ id: 'c', state: 'offline', backends: counts(0) }),
    ]);
    expect(s.text).toBe('1 backend down, 2 sites offline');
    expect(summarizeHealth([fakeSummary({ state: 'offline' })]).text).toBe('1 site offline');
  });
});
