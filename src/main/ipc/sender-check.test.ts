import { describe, expect, it } from 'vitest';
import { createSenderCheck, originOf } from './sender-check';

describe('createSenderCheck', () => {
  const check = createSenderCheck(['app://maglev', 'http://localhost:5173/']);

  it.each([
    ['app://maglev/index.html', true],
    ['app://maglev/#/site/demo', true],
    ['http://localhost:5173/', true],
    ['app://evil/index.html', false],
    ['http://localhost:5174/', false],
    ['https://example.com/', false],
    ['file:///work/main/out/renderer/index.html', false],
    ['about:blank', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(check({ senderFrame: { url } })).toBe(ok);
  });

  it('refuses a sender whose frame is gone', () => {
    expect(check({ senderFrame: null })).toBe(false);
    expect(check({})).toBe(false);
  });

  it('builds origins for custom schemes', () => {
    expect(originOf('app://maglev/x/y')).toBe('app://maglev');
    expect(originOf('data:text/html,hi')).toBeNull();
  });
});
