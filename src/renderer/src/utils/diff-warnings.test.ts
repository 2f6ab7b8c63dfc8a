import { describe, expect, it } from 'vitest';
import type { ConfigDiff } from '../../../shared/model';
import { diffWarnings, isEmptyDiff } from './diff-warnings';

const names = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
const diff = (restarted: number, unchanged: number, emptied = false): ConfigDiff => ({
  backends: { added: [], removed: [], restarted: names(restarted, 'r'), unchanged: names(unchanged, 'u') },
  frontends: { added: [], removed: [], changed: [], unchanged: [] },
  healthchecks: { added: [], removed: [], changed: [] },
  emptiedPools: emptied ? [{ frontend: 'www', pool: 'primary' }] : [],
});

describe('diffWarnings', () => {
  it('warns at 5 restarts or at 10 % of the backends, and for emptied pools', () => {
    expect(diffWarnings(diff(5, 995))).toHaveLength(1);
    expect(diffWarnings(diff(4, 96))).toEqual([]);
    expect(diffWarnings(diff(1, 9))).toEqual(['1 backend will restart its check (its state goes to unknown until it passes again).']);
    expect(diffWarnings(diff(0, 10, true))).toEqual(['Pool primary of www is left with no enabled backend.']);
    expect(isEmptyDiff(diff(0, 10))).toBe(true);
    expect(isEmptyDiff(diff(1, 10))).toBe(false);
  });
});
