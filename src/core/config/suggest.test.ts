import { describe, expect, it } from 'vitest';
import { createSuggester, editDistance, suggestName } from './suggest';

describe('editDistance', () => {
  it('counts a transposition as one edit and stops early past the bound', () => {
    expect(editDistance('wbe', 'web', 3)).toBe(1);
    expect(editDistance('adress', 'address', 3)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'xyzxyz', 2)).toBe(3);
  });
});

describe('suggestions', () => {
  it('proposes the closest name, case-insensitively, only when close', () => {
    expect(suggestName('wbe', ['api', 'web'])).toBe('web');
    expect(suggestName('Address', ['address', 'healthcheck'])).toBe('address');
    expect(suggestName('frontend', ['frontends', 'backends'])).toBe('frontends');
    expect(suggestName('zzz', ['web', 'api'])).toBeNull();
    expect(suggestName('', ['a'])).toBeNull();
  });

  it('stops suggesting once its work budget is spent', () => {
    const s = createSuggester(10);
    expect(s.hint('wbe', ['a', 'b', 'c', 'web'])).toBe(' (did you mean "web"?)');
    expect(s.hint('wbe', Array(20).fill('x').concat(['web']))).toBe('');
    expect(s.hint('wbe', ['web'])).toBe('');
  });
});
