/** Most of a body a probe reads for the regexp (spec/health.md). */
export const MAX_BODY = 64 * 1024;
/** A status line plus headers larger than this is a malformed response. */
export const MAX_HEAD = 16 * 1024;

export type ParseVerdict =
  | { kind: 'more' }
  | { kind: 'status'; status: number }
  | { kind: 'body'; status: number; body: string }
  | { kind: 'malformed'; detail: string };

const MORE: ParseVerdict = Object.freeze({ kind: 'more' });

const enum Framing {
  Length,
  Chunked,
  UntilClose,
}

/**
 * An incremental HTTP/1.x response reader for probes: the status line, then (only when a body is needed)
 * the body up to MAX_BODY through Content-Length, chunked encoding, or read-until-close.
 */
export class HttpResponseReader {
  private head: Buffer | null = null;
  private status = 0;
  private framing = Framing.UntilClose;
  private remaining = 0;
  private body: Buffer[] = [];
  private bodySize = 0;
  private chunkBuf: Buffer | null = null;
  private chunkLeft = 0;
  private needCrlf = false;
  private done = false;

  /** `codeMin`/`codeMax`: a status outside them is the verdict at once, without reading the body. */
  constructor(
    private readonly wantBody: boolean,
    private readonly codeMin = 0,
    private readonly codeMax = 999,
  ) {}

  /** Feeds bytes; returns a verdict as soon as one is possible. */
  push(data: Buffer): ParseVerdict {
    if (this.done) return MORE;
    if (this.status === 0) return this.pushHead(data);
    return this.pushBody(data);
  }

  /** The peer closed: whatever was read is the answer (HTTP/1.0 style) or a malformed response. */
  end(): ParseVerdict {
    if (this.status === 0) {
      return {
        kind: 'malformed',
        detail: this.head?.length ? 'incomplete response headers' : 'empty response',
      };
    }
    if (this.framing === Framing.UntilClose || this.bodySize >= MAX_BODY) return this.finishBody();
    return { kind: 'malformed', detail: 'connection closed mid-body' };
  }

  private pushHead(data: Buffer): ParseVerdict {
    const buf = this.head ? Buffer.concat([this.head, data]) : data;
    // Without a body the status line alone decides.
    if (!this.wantBody) {
      const eol = buf.indexOf('\r\n');
      if (eol < 0)
        return buf.length > MAX_HEAD ? { kind: 'malformed', detail: 'status line too long' } : this.keep(buf);
      const status = parseStatusBytes(buf, eol);
      if (status < 0) return { kind: 'malformed', detail: 'malformed status line' };
      this.done = true;
      return { kind: 'status', status };
    }
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0)
      return buf.length > MAX_HEAD
        ? { kind: 'malformed', detail: 'response headers too large' }
        : this.keep(buf);
    const lines = buf.toString('latin1', 0, end).split('\r\n');
    const status = parseStatusLine(lines[0] ?? '');
    if (status < 0) return { kind: 'malformed', detail: 'malformed status line' };
    if (status < this.codeMin || status > this.codeMax) {
      this.done = true;
      return { kind: 'status', status };
    }
    this.status = status;
    this.head = null;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'transfer-encoding' && /chunked/i.test(value)) this.framing = Framing.Chunked;
      else if (name === 'content-length' && this.framing !== Framing.Chunked) {
        if (!/^\d+$/.test(value)) return { kind: 'malformed', detail: 'bad Content-Length' };
        this.framing = Framing.Length;
        this.remaining = Number(value);
      }
    }
    if (status === 204 || status === 304 || (status >= 100 && status < 200)) return this.finishBody();
    const rest = buf.subarray(end + 4);
    if (this.framing === Framing.Length && this.remaining === 0) return this.finishBody();
    return rest.length > 0 ? this.pushBody(rest) : MORE;
  }

  private keep(buf: Buffer): ParseVerdict {
    this.head = buf;
    return MORE;
  }

  private pushBody(data: Buffer): ParseVerdict {
    if (this.framing === Framing.Chunked) return this.pushChunked(data);
    let take = data;
    if (this.framing === Framing.Length) {
      take = data.subarray(0, this.remaining);
      this.remaining -= take.length;
    }
    this.append(take);
    if (this.bodySize >= MAX_BODY || (this.framing === Framing.Length && this.remaining === 0))
      return this.finishBody();
    return MORE;
  }

  private pushChunked(data: Buffer): ParseVerdict {
    let buf = this.chunkBuf ? Buffer.concat([this.chunkBuf, data]) : data;
    this.chunkBuf = null;
    for (;;) {
      if (this.needCrlf) {
        // The CRLF that ends every chunk's data.
        if (buf.length < 2) return this.stash(buf);
        buf = buf.subarray(2);
        this.needCrlf = false;
      }
      if (this.chunkLeft <= 0) {
        const eol = buf.indexOf('\r\n');
        if (eol < 0)
          return buf.length > 1024 ? { kind: 'malformed', detail: 'bad chunk header' } : this.stash(buf);
        const size = parseInt(buf.toString('latin1', 0, eol).split(';')[0] ?? '', 16);
        if (!Number.isFinite(size) || size < 0) return { kind: 'malformed', detail: 'bad chunk size' };
        if (size === 0) return this.finishBody();
        this.chunkLeft = size;
        buf = buf.subarray(eol + 2);
      }
      const take = buf.subarray(0, this.chunkLeft);
      this.append(take);
      this.chunkLeft -= take.length;
      if (this.bodySize >= MAX_BODY) return this.finishBody();
      buf = buf.subarray(take.length);
      if (this.chunkLeft > 0) return MORE;
      this.needCrlf = true;
    }
  }

  private stash(buf: Buffer): ParseVerdict {
    this.chunkBuf = buf.length > 0 ? buf : null;
    return MORE;
  }

  private append(b: Buffer): void {
    if (b.length === 0) return;
    const room = MAX_BODY - this.bodySize;
    const part = b.length > room ? b.subarray(0, room) : b;
    this.body.push(part);
    this.bodySize += part.length;
  }

  private finishBody(): ParseVerdict {
    this.done = true;
    return {
      kind: 'body',
      status: this.status,
      body: Buffer.concat(this.body, this.bodySize).toString('utf8'),
    };
  }
}

/** Returns the status code of `HTTP/1.x NNN reason`, or -1. */
export function parseStatusLine(line: string): number {
  const m = /^HTTP\/1\.[019] (\d{3})(?: |$)/.exec(line);
  return m ? Number(m[1]) : -1;
}

const H = 0x48;
const T = 0x54;
const P = 0x50;
const SLASH = 0x2f;
const ONE = 0x31;
const DOT = 0x2e;
const SP = 0x20;

function digit(b: number | undefined): number {
  return b !== undefined && b >= 0x30 && b <= 0x39 ? b - 0x30 : -1;
}

/**
 * Returns the status code of the status line in `buf[0, eol)` without making a string (the hot path
 * of every status-only probe): the same rule as `parseStatusLine`.
 */
export function parseStatusBytes(buf: Buffer, eol: number): number {
  if (eol < 12 || buf[0] !== H || buf[1] !== T || buf[2] !== T || buf[3] !== P || buf[4] !== SLASH) return -1;
  const minor = buf[7];
  if (buf[5] !== ONE || buf[6] !== DOT || (minor !== 0x30 && minor !== 0x31 && minor !== 0x39)) return -1;
  if (buf[8] !== SP || (eol > 12 && buf[12] !== SP)) return -1;
  const a = digit(buf[9]);
  const b = digit(buf[10]);
  const c = digit(buf[11]);
  return a < 0 || b < 0 || c < 0 ? -1 : a * 100 + b * 10 + c;
}
