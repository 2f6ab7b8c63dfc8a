/** Most of a body a probe reads for the regexp (spec/health.md). */
export const MAX_BODY = 64 * 1024;
/** A status line plus headers larger than this is a malformed response. */
export const MAX_HEAD = 16 * 1024;

export type ParseVerdict =
  | { kind: 'more' }
  | { kind: 'status'; status: number }
  | { kind: 'body'; status: number; body: string }
  | { kind: 'malformed'; detail: string };

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

  constructor(private readonly wantBody: boolean) {}

  /** Feeds bytes; returns a verdict as soon as one is possible. */
  push(data: Buffer): ParseVerdict {
    if (this.done) return { kind: 'more' };
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
      const status = parseStatusLine(buf.toString('latin1', 0, eol));
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
    return rest.length > 0 ? this.pushBody(rest) : { kind: 'more' };
  }

  private keep(buf: Buffer): ParseVerdict {
    this.head = buf;
    return { kind: 'more' };
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
    return { kind: 'more' };
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
      if (this.chunkLeft > 0) return { kind: 'more' };
      this.needCrlf = true;
    }
  }

  private stash(buf: Buffer): ParseVerdict {
    this.chunkBuf = buf.length > 0 ? buf : null;
    return { kind: 'more' };
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
