import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './host-args';

describe('parseHostArgs', () => {
  it('reads what main passes', () => {
    const argv = ['/electron', 'utility.js', '--sites', '/s.yaml', '--app-version', '1.2.3', '--user', 'noc', '--read-only'];
    expect(parseHostArgs(argv)).toEqual({
      ok: true,
      value: { sitesPath: '/s.yaml', readOnly: true, appVersion: '1.2.3', user: 'noc', auditPath: '/audit.log', configHistoryDir: '/config-history' },
    });
  });
  it('takes the audit log path main passes', () => {
    const argv = ['--sites', '/etc/m/s.yaml', '--app-version', '1', '--user', 'u', '--audit-log', '/data/audit.log'];
    expect(parseHostArgs(argv)).toMatchObject({ ok: true, value: { auditPath: '/data/audit.log' } });
  });
  it('takes the config history folder main passes', () => {
    const argv = ['--sites', '/etc/m/s.yaml', '--app-version', '1', '--user', 'u', '--config-history', '/data/config-history'];
    expect(parseHostArgs(argv)).toMatchObject({ ok: true, value: { configHistoryDir: '/data/config-history' } });
  });
  it('refuses a start without the sites file, version or user', () => {
    expect(parseHostArgs(['--app-version', '1', '--user', 'u'])).toMatchObject({ ok: false });
    expect(parseHostArgs(['--sites', '/s.yaml', '--user', 'u'])).toMatchObject({ ok: false });
    expect(parseHostArgs(['--sites', '/s.yaml', '--app-version', '1', '--user'])).toMatchObject({ ok: false });
  });
});
