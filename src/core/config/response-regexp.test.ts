import { describe, expect, it } from 'vitest';
import { compileResponseRegexp } from './response-regexp';

describe('compileResponseRegexp (RE2 spellings → JS)', () => {
  it('turns a leading inline flag group into flags', () => {
    const re = compileResponseRegexp('(?i)status: ok');
    expect(re.flags).toBe('i');
    expect(re.test('STATUS: OK')).toBe(true);
    expect(compileResponseRegexp('(?sm)^a.b$').flags).toBe('ms');
  });

  it('translates \\A, \\z and POSIX classes, leaving escaped text alone', () => {
    expect(compileResponseRegexp('\\Aok\\z').test('ok')).toBe(true);
    expect(compileResponseRegexp('\\Aok\\z').test('ok\n')).toBe(false);
    expect(compileResponseRegexp('^[[:digit:]]+$').test('123')).toBe(true);
    expect(compileResponseRegexp('^[[:alpha:]_]+$').test('ab_c')).toBe(true);
    expect(compileResponseRegexp('a\\\\A').test('a\\A')).toBe(true);
  });

  it('throws for what does not compile', () => {
    expect(() => compileResponseRegexp('(ok')).toThrow(SyntaxError);
    expect(() => compileResponseRegexp('(?U)a+')).toThrow(/unsupported inline flag "U"/);
    expect(() => compileResponseRegexp('[[:nope:]]')).toThrow(/unknown POSIX class/);
  });
});
