import { describe, expect, it } from 'vitest';
import { defaultSitesPath, parseWebArgs } from './args';

describe('parseWebArgs', () => {
  it('defaults to loopback:5174, writable, the app sites file', () => {
    expect(parseWebArgs([], '/d/sites.yaml')).toEqual({
      ok: true,
      value: { sitesPath: '/d/sites.yaml', host: '127.0.0.1', port: 5174, readOnly: false, rendererDir: null, rebuild: false, logLevel: 'warn', help: false },
    });
  });

  it('reads every option in both forms', () => {
    const r = parseWebArgs(['--sites', 's.yaml', '--port=0', '--host', '::1', '--read-only', '--renderer=/r', '--rebuild', '--log-level', 'debug'], '/d');
    expect(r).toMatchObject({ ok: true, value: { sitesPath: 's.yaml', port: 0, host: '::1', readOnly: true, rendererDir: '/r', rebuild: true, logLevel: 'debug' } });
  });

  it.each([[['--port', '99999']], [['--port', 'x']], [['--sites']], [['--host', '--read-only']], [['--log-level', 'loud']], [['--bogus']]])(
    'refuses %j',
    (argv) => {
      expect(parseWebArgs(argv, '/d')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    },
  );

  it('finds the desktop app sites file per platform', () => {
    expect(defaultSitesPath({}, 'linux', '/home/u')).toBe('/home/u/.config/maglev-monitor/sites.yaml');
    expect(defaultSitesPath({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/maglev-monitor/sites.yaml');
    expect(defaultSitesPath({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/maglev-monitor/sites.yaml');
  });
});
