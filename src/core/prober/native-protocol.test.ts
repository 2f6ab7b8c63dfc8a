import { describe, expect, it } from 'vitest';
import {
  FrameReader,
  FrameWriter,
  nativeOutcome,
  NativeStage,
  NativeWhat,
  runsNatively,
  type NativeResult,
} from './native-protocol';
import { httpTarget } from './testing/servers';
import type { ProbeTarget } from './types';

const http = httpTarget(8080, { codeMin: 200, codeMax: 299 });
const tcp: ProbeTarget = {
  ...http,
  kind: 'tcp',
  http: null,
  tcp: { ssl: false, serverName: null, insecureSkipVerify: false },
};

function result(what: number, stage: number, bytes = ''): NativeResult {
  return { id: 1, stage, what, durationUs: 1500, bytes: Buffer.from(bytes, 'latin1') };
}

function resultFrame(id: number, what: number, bytes: string): Buffer {
  const b = Buffer.alloc(13 + bytes.length);
  b[0] = 0x52;
  b.writeUInt32LE(id, 1);
  b[5] = 2;
  b[6] = what;
  b.writeUInt32LE(42, 7);
  b.writeUInt16LE(bytes.length, 11);
  b.write(bytes, 13, 'latin1');
  return b;
}

describe('which targets the helper runs', () => {
  it('runs plain http without a regexp and tcp without ssl; the rest stays in-process', () => {
    expect(runsNatively(http)).toBe(true);
    expect(runsNatively(tcp)).toBe(true);
    expect(runsNatively(httpTarget(1, { regexp: /ok/ }))).toBe(false);
    expect(runsNatively({ ...http, kind: 'https' })).toBe(false);
    expect(runsNatively({ ...tcp, tcp: { ssl: true, serverName: null, insecureSkipVerify: false } })).toBe(
      false,
    );
    expect(runsNatively({ ...tcp, kind: 'icmp', port: 0, tcp: null })).toBe(false);
  });
});

describe('frames', () => {
  it('writes define, probe, cancel and forget frames in the layout the helper reads', () => {
    const w = new FrameWriter();
    w.define(7, { ...http, sourceAddress: '127.0.0.2' }, Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    w.probe(9, 7, 1500.2);
    w.short('C', 9);
    w.short('F', 7);
    const b = w.take();
    expect(b[0]).toBe(0x44);
    expect(b.readUInt32LE(1)).toBe(7);
    expect([b[5], b[6], b.readUInt16LE(7), b[9]]).toEqual([1, 4, 8080, 9]);
    expect(b.toString('latin1', 10, 19)).toBe('127.0.0.1');
    expect(b[19]).toBe(9);
    expect(b.toString('latin1', 20, 29)).toBe('127.0.0.2');
    expect(b.readUInt32LE(29)).toBe(18);
    const p = 33 + 18;
    expect([b[p], b.readUInt32LE(p + 1), b.readUInt32LE(p + 5), b.readUInt32LE(p + 9)]).toEqual([
      0x50, 9, 7, 1501,
    ]);
    expect([b[p + 13], b.readUInt32LE(p + 14), b[p + 18], b.readUInt32LE(p + 19)]).toEqual([
      0x43, 9, 0x46, 7,
    ]);
    expect(b.length).toBe(p + 23);
    expect(w.size).toBe(0);
  });

  it('grows past its first buffer without losing frames', () => {
    const w = new FrameWriter();
    for (let i = 0; i < 10_000; i++) w.probe(i, i, 1000);
    const b = w.take();
    expect(b.length).toBe(130_000);
    expect(b.readUInt32LE(9_999 * 13 + 1)).toBe(9_999);
  });

  it('reads results that arrive byte by byte, and says when the stream is garbage', () => {
    const seen: NativeResult[] = [];
    const versions: number[] = [];
    const r = new FrameReader(
      (x) => seen.push(x),
      (v) => versions.push(v),
    );
    const stream = Buffer.concat([
      Buffer.from([0x56, 1, 0, 0, 0]),
      resultFrame(5, NativeWhat.Status, 'HTTP/1.1 200 OK'),
      resultFrame(6, NativeWhat.Timeout, ''),
    ]);
    for (const byte of stream) expect(r.push(Buffer.from([byte]))).toBeNull();
    expect(versions).toEqual([1]);
    expect(seen.map((x) => [x.id, x.what, x.bytes.toString(), x.durationUs])).toEqual([
      [5, NativeWhat.Status, 'HTTP/1.1 200 OK', 42],
      [6, NativeWhat.Timeout, '', 42],
    ]);
    expect(r.push(Buffer.from('?'))).toBe('unexpected frame type 0x3f');
  });
});

describe('what a result means (worded as the in-process probers)', () => {
  const [CONNECTING, READING] = [NativeStage.Connecting, NativeStage.Reading];
  // [target, what, stage, bytes] → [ok, code, detail]
  it.each([
    [http, NativeWhat.Status, READING, 'HTTP/1.1 204 No Content', true, 'L7OK', 'HTTP 204'],
    [http, NativeWhat.Status, READING, 'HTTP/1.0 503 Busy', false, 'L7STS', 'HTTP 503'],
    [http, NativeWhat.Status, READING, 'SSH-2.0-OpenSSH', false, 'L7RSP', 'malformed status line'],
    [tcp, NativeWhat.Connected, READING, '', true, 'L4OK', 'connected'],
    [http, NativeWhat.Errno, CONNECTING, 'ECONNREFUSED', false, 'L4CON', 'connection refused'],
    [http, NativeWhat.Errno, READING, 'ECONNRESET', false, 'L7RSP', 'connection reset'],
    [http, NativeWhat.Errno, CONNECTING, 'EADDRNOTAVAIL', false, 'INTERNAL', 'source address not available'],
    [http, NativeWhat.Errno, CONNECTING, 'EMFILE', false, 'L4CON', 'connect EMFILE 127.0.0.1:8080'],
    [http, NativeWhat.Timeout, CONNECTING, '', false, 'L4TOUT', 'timeout after 1000ms while connecting'],
    [http, NativeWhat.Timeout, READING, '', false, 'L7TOUT', 'timeout after 1000ms while reading response'],
    [http, NativeWhat.ClosedEmpty, READING, '', false, 'L7RSP', 'empty response'],
    [http, NativeWhat.ClosedPartial, READING, '', false, 'L7RSP', 'incomplete response headers'],
    [http, NativeWhat.TooLong, READING, '', false, 'L7RSP', 'status line too long'],
    [http, 99, READING, '', false, 'INTERNAL', 'probe helper sent unknown result 99'],
  ] as const)('%#: %o %i %i %s', (target, what, stage, bytes, ok, code, detail) => {
    expect(nativeOutcome(result(what, stage, bytes), target, 1000)).toEqual({
      ok,
      code,
      detail,
      durationMs: 1.5,
    });
  });
});
