import { describe, expect, it } from 'vitest';
import {
  HttpResponseReader,
  MAX_BODY,
  MAX_HEAD,
  parseStatusBytes,
  parseStatusLine,
  type ParseVerdict,
} from './http-response';

/** Feeds `text` in pieces of `step` bytes; returns the first verdict that is not 'more', else end(). */
function feed(reader: HttpResponseReader, text: string | Buffer, step: number, close = true): ParseVerdict {
  const buf = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  for (let i = 0; i < buf.length; i += step) {
    const v = reader.push(buf.subarray(i, i + step));
    if (v.kind !== 'more') return v;
  }
  return close ? reader.end() : { kind: 'more' };
}

describe('status line', () => {
  it.each([
    ['HTTP/1.1 200 OK', 200],
    ['HTTP/1.0 503 Service Unavailable', 503],
    ['HTTP/1.9 204', 204],
    ['HTTP/1.1 404 ', 404],
    ['HTTP/2 200 OK', -1],
    ['HTTP/1.1 20 OK', -1],
    ['HTTP/1.1 2000 OK', -1],
    ['HTTP/1.1 abc OK', -1],
    ['http/1.1 200 OK', -1],
    ['SSH-2.0-OpenSSH_9.2', -1],
    ['', -1],
  ])('%j → %i, the same by bytes and by string', (line, code) => {
    expect(parseStatusLine(line)).toBe(code);
    expect(parseStatusBytes(Buffer.from(`${line}\r\n`, 'latin1'), line.length)).toBe(code);
  });
});

describe('HttpResponseReader', () => {
  const chunked =
    'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' +
    '4;ext=1\r\nWiki\r\n' +
    '6\r\npedia \r\n' +
    'E\r\nin \r\n\r\nchunks.\r\n' +
    '0\r\nX-Trailer: 1\r\n\r\n';

  it('decodes a chunked body fed one byte at a time, and in one piece', () => {
    for (const step of [1, 2, 7, chunked.length]) {
      expect(feed(new HttpResponseReader(true), chunked, step)).toEqual({
        kind: 'body',
        status: 200,
        body: 'Wikipedia in \r\n\r\nchunks.',
      });
    }
  });

  it('answers from the status line alone when no body is wanted, before the headers end', () => {
    expect(feed(new HttpResponseReader(false), 'HTTP/1.1 503 Nope\r\nServer: x', 3, false)).toEqual({
      kind: 'status',
      status: 503,
    });
  });

  it('gives the verdict at the headers when the status is outside the range, without reading the body', () => {
    const r = new HttpResponseReader(true, 200, 299);
    expect(r.push(Buffer.from('HTTP/1.1 500 Oops\r\nContent-Length: 100000\r\n\r\nabc'))).toEqual({
      kind: 'status',
      status: 500,
    });
  });

  it('frames by Content-Length and ignores bytes past it', () => {
    expect(
      feed(new HttpResponseReader(true), 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef', 4),
    ).toEqual({
      kind: 'body',
      status: 200,
      body: 'abc',
    });
    expect(
      feed(new HttpResponseReader(true), 'HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n', 100),
    ).toMatchObject({ body: '' });
  });

  it('has no body on 204 and 304', () => {
    expect(new HttpResponseReader(true).push(Buffer.from('HTTP/1.1 204 No Content\r\n\r\n'))).toEqual({
      kind: 'body',
      status: 204,
      body: '',
    });
  });

  it('reads until close without framing, and stops at MAX_BODY', () => {
    const r = new HttpResponseReader(true);
    expect(r.push(Buffer.from('HTTP/1.0 200 OK\r\n\r\nhello '))).toEqual({ kind: 'more' });
    expect(r.push(Buffer.from('world'))).toEqual({ kind: 'more' });
    expect(r.end()).toEqual({ kind: 'body', status: 200, body: 'hello world' });
    const big = Buffer.concat([Buffer.from('HTTP/1.0 200 OK\r\n\r\n'), Buffer.alloc(MAX_BODY + 10, 'b')]);
    const v = feed(new HttpResponseReader(true), big, 8192, false);
    expect(v.kind === 'body' && v.body.length).toBe(MAX_BODY);
  });

  it('reports malformed responses', () => {
    expect(
      feed(new HttpResponseReader(true), 'HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n', 100),
    ).toMatchObject({ detail: 'bad Content-Length' });
    expect(
      feed(new HttpResponseReader(true), 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 100),
    ).toMatchObject({
      detail: 'bad chunk size',
    });
    expect(
      feed(new HttpResponseReader(true), 'HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc', 100),
    ).toMatchObject({
      detail: 'connection closed mid-body',
    });
    expect(
      feed(new HttpResponseReader(true), `HTTP/1.1 200 OK\r\nX: ${'y'.repeat(MAX_HEAD)}`, 4096),
    ).toMatchObject({
      detail: 'response headers too large',
    });
    expect(feed(new HttpResponseReader(false), 'HTTP/1.1 200', 100)).toMatchObject({
      detail: 'incomplete response headers',
    });
    expect(new HttpResponseReader(false).end()).toMatchObject({ detail: 'empty response' });
  });
});
