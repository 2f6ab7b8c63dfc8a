import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './host-args';

describe('parseHostArgs', () => {
  it('reads what main passes', () => {
    const argv = ['/electron', 'utility.js', '--sites', '/s.yaml', '--app-version', '1.2.3', '--user', 'noc', '--read-only'];
    expect(parseHostArgs(argv)).toEqual({ ok: true, value: { sitesPath: '/s.yaml', readOnly: true, appVersion: '1.2.3', user: 'noc' } });
  });
  it('refuses a start without the sites file, version or user', () => {
    expect(parseHostArgs(['--app-version', '1', '--user', 'u'])).toMatchObject({ ok: false });
    expect(parseHostArgs(['--sites', '/s.yaml', '--user', 'u'])).toMatchObject({ ok: false });
    expect(parseHostArgs(['--sites', '/s.yaml', '--app-version', '1', '--user'])).toMatchObject({ ok: false });
  });
});
