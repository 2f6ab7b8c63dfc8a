import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { formatSitesIssue, parseSitesFile } from './sites-file';
import { appendSite, createEmptySitesDocument, removeSite, replaceSite } from './sites-document';

const GOOD = `# our sites
sites:
  - name: Paris
    kind: local
    config: ./paris/maglev.yaml   # relative to this file
  - name: Berlin
    kind: remote
    address: "[2001:db8::1]:9090"
    tls:
      ca: /etc/maglev/ca.pem
      server-name: maglevd.berlin
  - { name: Lab, kind: remote, address: lab.example:9090 }
`;

describe('parseSitesFile', () => {
  it('reads local and remote entries, kebab-case keys becoming camelCase', () => {
    const r = parseSitesFile(GOOD);
    expect(r.issues).toEqual([]);
    expect(r.fatal).toBe(false);
    expect(r.entries.map((e) => e.spec)).toEqual([
      { name: 'Paris', kind: 'local', config: './paris/maglev.yaml' },
      { name: 'Berlin', kind: 'remote', address: '[2001:db8::1]:9090', tls: { ca: '/etc/maglev/ca.pem', serverName: 'maglevd.berlin' } },
      { name: 'Lab', kind: 'remote', address: 'lab.example:9090' },
    ]);
    expect(r.entries.map((e) => [e.index, e.line])).toEqual([[0, 3], [1, 6], [2, 12]]);
  });

  it('treats an empty file and an empty list as no sites', () => {
    expect(parseSitesFile('')).toMatchObject({ entries: [], issues: [], fatal: false });
    expect(parseSitesFile('sites: []\n')).toMatchObject({ entries: [], issues: [], fatal: false });
    expect(parseSitesFile('sites:\n')).toMatchObject({ entries: [], issues: [], fatal: false });
  });

  it('reports each bad entry at its line and column and keeps the good ones', () => {
    const text = [
      'sites:', //                                   1
      '  - name: ok', //                             2
      '    kind: local', //                          3
      '    config: a.yaml', //                       4
      '  - name: bad-address', //                    5
      '    kind: remote', //                         6
      '    address: nohost', //                      7
      '  - name: extra', //                          8
      '    kind: local', //                          9
      '    config: b.yaml', //                       10
      '    colour: blue', //                         11
      '  - name: ok', //                             12
      '    kind: local', //                          13
      '    config: c.yaml', //                       14
      '  - name: wrongkind', //                      15
      '    kind: cloud', //                          16
      '  - name: tlsbad', //                         17
      '    kind: remote', //                         18
      '    address: h:1', //                         19
      '    tls: { cert: c.pem, servername: x }', //  20
      '  - name: mixed', //                          21
      '    kind: local', //                          22
      '    address: h:1', //                         23
      '    config: d.yaml', //                       24
      '  - kind: local', //                          25
      '    config: e.yaml', //                       26
      '  - name: port', //                           27
      '    kind: remote', //                         28
      '    address: h:70000', //                     29
    ].join('\n');
    const r = parseSitesFile(text);
    expect(r.fatal).toBe(false);
    expect(r.entries.map((e) => e.spec.name)).toEqual(['ok']);
    const lines = r.issues.map((i) => formatSitesIssue(i, 'sites.yaml'));
    expect(lines).toEqual([
      'sites.yaml:7:14: sites[1].address: address must be host:port or [v6]:port',
      'sites.yaml:11:5: sites[2].colour: unknown key "colour"',
      'sites.yaml:12:11: sites[3].name: duplicate site name "ok" (first at line 2)',
      'sites.yaml:16:11: sites[4].kind: kind must be local or remote, not "cloud"',
      'sites.yaml:20:25: sites[5].tls.servername: unknown key "servername" (expected ca, cert, key, server-name)',
      'sites.yaml:20:10: sites[5].tls: a client certificate needs both `cert` and `key`',
      'sites.yaml:23:5: sites[6].address: unknown key "address" (not allowed for kind local)',
      'sites.yaml:25:5: sites[7].name: `name` is required',
      'sites.yaml:29:14: sites[8].address: port 70000 is out of range 1-65535',
    ]);
  });

  it('requires a client certificate and its key together', () => {
    const r = parseSitesFile('sites:\n  - name: a\n    kind: remote\n    address: h:1\n    tls:\n      cert: c.pem\n');
    expect(r.issues.map((i) => formatSitesIssue(i, 's.yaml'))).toEqual([
      's.yaml:6:7: sites[0].tls: a client certificate needs both `cert` and `key`',
    ]);
  });

  it('marks broken YAML and wrong top-level shapes as fatal', () => {
    const broken = parseSitesFile('sites:\n  - name: a\n   kind: [\n');
    expect(broken.fatal).toBe(true);
    expect(broken.issues[0]).toMatchObject({ kind: 'parse', line: expect.any(Number) });
    expect(parseSitesFile('- a\n- b\n').fatal).toBe(true);
    expect(parseSitesFile('sites: 3\n').fatal).toBe(true);
    // An unknown top-level key is reported, but the file stays editable.
    const unknownTop = parseSitesFile('sites: []\nsitez: []\n');
    expect(unknownTop.fatal).toBe(false);
    expect(formatSitesIssue(unknownTop.issues[0]!, 'f')).toBe('f:2:1: sitez: unknown key "sitez" (expected `sites`)');
  });
});

describe('sites document edits', () => {
  it('adds, edits and removes entries while keeping comments', () => {
    const doc = parseDocument(GOOD);
    appendSite(doc, { name: 'Tokyo', kind: 'remote', address: '10.0.0.1:9090', tls: { serverName: 't' } });
    replaceSite(doc, 'Paris', { name: 'Paris', kind: 'local', config: './paris/other.yaml' });
    replaceSite(doc, 'Berlin', { name: 'Berlin', kind: 'remote', address: '[2001:db8::1]:9090', tls: null });
    removeSite(doc, 'Lab');
    const text = doc.toString();
    expect(text).toContain('# our sites');
    expect(text).toContain('config: ./paris/other.yaml # relative to this file');
    const r = parseSitesFile(text);
    expect(r.issues).toEqual([]);
    expect(r.entries.map((e) => e.spec)).toEqual([
      { name: 'Paris', kind: 'local', config: './paris/other.yaml' },
      { name: 'Berlin', kind: 'remote', address: '[2001:db8::1]:9090' },
      { name: 'Tokyo', kind: 'remote', address: '10.0.0.1:9090', tls: { serverName: 't' } },
    ]);
    expect(() => removeSite(doc, 'Nowhere')).toThrow(/no site named "Nowhere"/);
  });

  it('creates a new file in block style', () => {
    const doc = createEmptySitesDocument();
    appendSite(doc, { name: 'A', kind: 'local', config: 'a.yaml' });
    const text = doc.toString();
    expect(text).toMatch(/^# maglev-monitor sites/);
    expect(text).toContain('sites:\n  - name: A\n    kind: local\n    config: a.yaml\n');
    expect(parseSitesFile(text).entries).toHaveLength(1);
  });
});
