import { describe, expect, it } from 'vitest';
import type { ConfigDiff } from '../../../../../shared/model';
import { summarizeDiff } from './diff-summary';

const none = (): ConfigDiff => ({
  backends: { added: [], removed: [], restarted: [], unchanged: ['a'] },
  frontends: { added: [], removed: [], changed: [], unchanged: ['www'] },
  healthchecks: { added: [], removed: [], changed: [] },
  emptiedPools: [],
});

describe('summarizeDiff', () => {
  it('is empty when applying changed nothing', () => {
    expect(summarizeDiff(none())).toEqual([]);
  });

  it('counts backends as +added −removed ↻restarted, with the names in the title', () => {
    const d = none();
    d.backends = { added: ['x', 'y'], removed: ['z'], restarted: ['a'], unchanged: [] };
    const parts = summarizeDiff(d);
    expect(parts.map((p) => p.text)).toEqual(['+2', '−1', '↻1']);
    expect(parts[0]!.title).toBe('x, y');
  });

  it('tells weight-only frontend changes apart from others, and flags emptied pools', () => {
    const d = none();
    d.frontends.changed = [
      { name: 'www', changes: ['pool primary: b weight 100 → 40'], weightOnly: true },
      { name: 'api', changes: ['port 80 → 81'], weightOnly: false },
    ];
    d.frontends.added = ['new'];
    d.healthchecks.changed = ['web'];
    d.emptiedPools = [{ frontend: 'api', pool: 'standby' }];
    expect(summarizeDiff(d).map((p) => `${p.kind}:${p.text}`)).toEqual([
      'add:+1 frontend',
      'chg:1 frontend changed',
      'chg:weights only: www',
      'chg:1 health check',
      'warn:1 pool emptied',
    ]);
  });
});
