import { describe, expect, it } from 'vitest';
import { auditLogLocation, filterAudit, formatArgs, type AuditRecord } from './audit-format';

const rec = (over: Partial<AuditRecord>): AuditRecord => ({
  atMs: 0,
  user: 'alice',
  host: 'noc-1',
  origin: 'web',
  op: 'backends:pause',
  site: 'lab',
  args: {},
  ok: true,
  error: null,
  ...over,
});

describe('formatArgs', () => {
  it('writes key=value without the site, quoting values with spaces', () => {
    expect(formatArgs({ site: 'lab', frontend: 'www', pool: 'primary', backend: 'web-a', weight: 40 })).toBe('frontend=www pool=primary backend=web-a weight=40');
    expect(formatArgs({ site: 'lab', spec: { name: 'Edge DC', kind: 'remote' } })).toBe('spec={"name":"Edge DC","kind":"remote"}');
    expect(formatArgs({ text: '<5120 chars>' })).toBe('text="<5120 chars>"');
  });

  it('clips long values and lines', () => {
    const long = formatArgs({ spec: { tls: { ca: 'x'.repeat(200) } } });
    expect(long.length).toBeLessThanOrEqual(6 + 60);
    expect(long.endsWith('…')).toBe(true);
    expect(formatArgs(null)).toBe('');
  });
});

describe('filterAudit', () => {
  const records = [rec({ op: 'backends:pause' }), rec({ op: 'config:apply', ok: false, error: { code: 'CONFIG_INVALID', message: 'bad' } }), rec({ site: 'edge', op: 'backends:resume' })];
  it('matches site, op and result together; empty means all', () => {
    expect(filterAudit(records, { site: '', op: '', result: 'all' })).toHaveLength(3);
    expect(filterAudit(records, { site: 'lab', op: '', result: 'all' })).toHaveLength(2);
    expect(filterAudit(records, { site: 'lab', op: '', result: 'failed' }).map((r) => r.op)).toEqual(['config:apply']);
    expect(filterAudit(records, { site: '', op: 'backends:resume', result: 'ok' }).map((r) => r.site)).toEqual(['edge']);
  });
});

describe('auditLogLocation', () => {
  it('names the file next to the sites file for the web host, the user-data directory for the app', () => {
    expect(auditLogLocation('web', '/home/noc/.config/maglev/sites.yaml')).toBe('/home/noc/.config/maglev/audit.log (next to the sites file)');
    expect(auditLogLocation('electron', '/x/sites.yaml')).toContain('user-data directory');
  });
});
