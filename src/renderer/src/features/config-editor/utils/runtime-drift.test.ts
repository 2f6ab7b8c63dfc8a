import { describe, expect, it } from 'vitest';
import type { FrontendInfo } from '../../../../../shared/model';
import { frontend, member } from '../../../test/fixtures';
import { parseConfigModel } from './config-model';
import { driftKey, runtimeDrifts } from './runtime-drift';

const fe = (weights: Record<string, number>): FrontendInfo =>
  frontend({ pools: [{ name: 'primary', backends: Object.entries(weights).map(([name, weight]) => member(name, weight)) }] });

describe('runtimeDrifts', () => {
  it('lists members whose running weight differs from the file, ignoring members on one side only', () => {
    const r = parseConfigModel('maglev:\n  frontends:\n    www:\n      pools:\n        - name: primary\n          backends: { a: {}, b: { weight: 50 } }\n');
    if (!r.ok) throw new Error(r.message);
    const d = runtimeDrifts([fe({ a: 40, b: 50, c: 10 })], r.model);
    expect([...d.values()]).toEqual([{ frontend: 'www', pool: 'primary', backend: 'a', runtime: 40, file: 100 }]);
    expect(d.has(driftKey('www', 'primary', 'a'))).toBe(true);
  });
});
