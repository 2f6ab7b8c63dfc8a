import { describe, expect, it } from 'vitest';
import { parseMainArgs } from './args';

describe('parseMainArgs', () => {
  const def = '/home/u/.config/maglev-monitor/sites.yaml';
  it('defaults to sites.yaml in user data, writable', () => {
    expect(parseMainArgs(['/usr/bin/electron', '.'], def)).toEqual({ ok: true, value: { sitesPath: def, readOnly: false } });
  });
  it('reads --sites in both forms and --read-only, ignoring Chromium switches', () => {
    expect(parseMainArgs(['electron', '--no-sandbox-x', '--sites', '/etc/s.yaml', '--read-only'], def)).toEqual({
      ok: true,
      value: { sitesPath: '/etc/s.yaml', readOnly: true },
    });
    expect(parseMainArgs(['electron', '--sites=/x.yaml'], def)).toMatchObject({ value: { sitesPath: '/x.yaml' } });
  });
  it('refuses --sites without a value', () => {
    expect(parseMainArgs(['electron', '--sites'], def)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(parseMainArgs(['electron', '--sites', '--read-only'], def)).toMatchObject({ ok: false });
    expect(parseMainArgs(['electron', '--sites='], def)).toMatchObject({ ok: false });
  });
});
