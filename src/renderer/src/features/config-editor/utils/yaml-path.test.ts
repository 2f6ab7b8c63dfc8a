import { describe, expect, it } from 'vitest';
import { parseIssuePath, pathKey } from './yaml-path';

describe('parseIssuePath', () => {
  it('reads the validator spelling, quoted keys and dotted indexes alike', () => {
    expect(parseIssuePath('maglev.frontends.www.pools[0].backends.web-a.weight')).toEqual(['maglev', 'frontends', 'www', 'pools', 0, 'backends', 'web-a', 'weight']);
    expect(parseIssuePath('maglev.frontends.www.pools.1.name')).toEqual(['maglev', 'frontends', 'www', 'pools', 1, 'name']);
    expect(parseIssuePath('maglev.healthchecks["a.b"].port')).toEqual(['maglev', 'healthchecks', 'a.b', 'port']);
    expect(parseIssuePath('maglev.backends.10')).toEqual(['maglev', 'backends', '10']);
    expect(pathKey(parseIssuePath('maglev.x[2]'))).toBe(pathKey(['maglev', 'x', 2]));
  });
});
