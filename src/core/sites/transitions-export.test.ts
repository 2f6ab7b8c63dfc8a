import { describe, expect, it } from 'vitest';
import { csvField, exportTransitions } from './transitions-export';

const records = [
  { backend: 'web,a', from: 'up' as const, to: 'down' as const, atMs: Date.UTC(2026, 4, 6, 7, 8, 9, 10), code: 'L7RSP', detail: 'bad "status" line\nthen more' },
  { backend: 'web-b', from: 'unknown' as const, to: 'up' as const, atMs: Date.UTC(2026, 4, 6, 7, 8, 0), code: 'L7OK', detail: 'HTTP 200' },
];

describe('transitions export', () => {
  it('quotes CSV fields only when they need it (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes CSV with a header and ISO times', () => {
    const out = exportTransitions(records, 'csv', 'paris', Date.UTC(2026, 4, 6, 12, 0, 0));
    expect(out).toEqual({
      filename: 'paris-transitions-2026-05-06T12-00-00-000Z.csv',
      mime: 'text/csv',
      content:
        'time,backend,from,to,code,detail\r\n' +
        '2026-05-06T07:08:09.010Z,"web,a",up,down,L7RSP,"bad ""status"" line\nthen more"\r\n' +
        '2026-05-06T07:08:00.000Z,web-b,unknown,up,L7OK,HTTP 200\r\n',
    });
  });

  it('writes a JSON array with the same records and an ISO time', () => {
    const out = exportTransitions(records, 'json', 'paris', 0);
    expect(out.mime).toBe('application/json');
    expect(JSON.parse(out.content)).toEqual(records.map((r) => ({ time: new Date(r.atMs).toISOString(), ...r })));
  });
});
