// The frames between the checker and native/probe-helper.c, and what a helper result means as a
// ProbeOutcome. Pure: no process, no sockets. Integers are little-endian; the table is in docs/prober.md.
import type { ProbeCode } from '../../shared/model';
import { describeError } from './probe-errors';
import { parseStatusBytes } from './http-response';
import type { ProbeOutcome, ProbeTarget } from './types';

export const NATIVE_PROTOCOL_VERSION = 1;

/** What a result frame says happened (native/probe-helper.c W_*). */
export const enum NativeWhat {
  Connected = 0,
  Status = 1,
  Errno = 2,
  Timeout = 3,
  ClosedEmpty = 4,
  ClosedPartial = 5,
  TooLong = 6,
}

/** How far the probe got: connecting (0) or reading the response (2), as ProbeConnection's Stage. */
export const enum NativeStage {
  Connecting = 0,
  Reading = 2,
}

/** One decoded result frame. `bytes` is the status line (Status) or the errno name (Errno). */
export interface NativeResult {
  readonly id: number;
  readonly stage: number;
  readonly what: number;
  readonly durationUs: number;
  readonly bytes: Buffer;
}

/** Whether the helper can run this target: plain http without a body regexp, or tcp without ssl. */
export function runsNatively(target: ProbeTarget): boolean {
  if (target.kind === 'http') return target.http !== null && !target.http.regexp;
  if (target.kind === 'tcp') return !target.tcp?.ssl;
  return false;
}

/** A growable output buffer that frames are appended to, flushed as one write per event-loop turn. */
export class FrameWriter {
  private buf = Buffer.allocUnsafe(64 * 1024);
  private len = 0;

  get size(): number {
    return this.len;
  }

  /** Takes the frames written so far (the writer starts a new buffer). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.len);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.len = 0;
    return out;
  }

  /** 'P' id tid timeout_ms. */
  probe(id: number, tid: number, timeoutMs: number): void {
    const b = this.room(13);
    b[this.len] = 0x50;
    b.writeUInt32LE(id, this.len + 1);
    b.writeUInt32LE(tid, this.len + 5);
    b.writeUInt32LE(Math.min(Math.ceil(timeoutMs), 0xffffffff), this.len + 9);
    this.len += 13;
  }

  /** 'C' id (cancel) or 'F' tid (forget). */
  short(type: 'C' | 'F', n: number): void {
    const b = this.room(5);
    b[this.len] = type.charCodeAt(0);
    b.writeUInt32LE(n, this.len + 1);
    this.len += 5;
  }

  /** 'D': defines target `tid`; `request` is the HTTP request (empty for tcp). */
  define(tid: number, target: ProbeTarget, request: Buffer): void {
    const addr = Buffer.from(target.address, 'latin1');
    const src = Buffer.from(target.sourceAddress ?? '', 'latin1');
    const b = this.room(16 + addr.length + src.length + request.length);
    let o = this.len;
    b[o++] = 0x44;
    b.writeUInt32LE(tid, o);
    o += 4;
    b[o++] = target.kind === 'tcp' ? 0 : 1;
    b[o++] = target.family;
    b.writeUInt16LE(target.port, o);
    o += 2;
    b[o++] = addr.length;
    o += addr.copy(b, o);
    b[o++] = src.length;
    o += src.copy(b, o);
    b.writeUInt32LE(request.length, o);
    o += 4;
    o += request.copy(b, o);
    this.len = o;
  }

  private room(n: number): Buffer {
    if (this.len + n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    return this.buf;
  }
}

/**
 * Reads frames from the helper's output, which arrives in arbitrary pieces. Calls `onResult` per
 * result and `onVersion` for the hello; returns an error text when the stream is garbage.
 */
export class FrameReader {
  private pending: Buffer | null = null;

  constructor(
    private readonly onResult: (r: NativeResult) => void,
    private readonly onVersion: (v: number) => void,
  ) {}

  push(chunk: Buffer): string | null {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    let o = 0;
    while (o < buf.length) {
      const type = buf[o];
      if (type === 0x56) {
        if (buf.length - o < 5) break;
        this.onVersion(buf.readUInt32LE(o + 1));
        o += 5;
      } else if (type === 0x52) {
        if (buf.length - o < 13) break;
        const len = buf.readUInt16LE(o + 11);
        if (buf.length - o < 13 + len) break;
        this.onResult({
          id: buf.readUInt32LE(o + 1),
          stage: buf[o + 5]!,
          what: buf[o + 6]!,
          durationUs: buf.readUInt32LE(o + 7),
          bytes: buf.subarray(o + 13, o + 13 + len),
        });
        o += 13 + len;
      } else {
        this.pending = null;
        return `unexpected frame type 0x${(type ?? 0).toString(16)}`;
      }
    }
    this.pending = o < buf.length ? Buffer.from(buf.subarray(o)) : null;
    return null;
  }
}

function outcome(ok: boolean, code: ProbeCode, detail: string, durationMs: number): ProbeOutcome {
  return { ok, code, detail, durationMs } as ProbeOutcome;
}

/**
 * The ProbeOutcome of a helper result, worded exactly as the in-process probers word the same event
 * (the prober test suite runs against both).
 */
export function nativeOutcome(r: NativeResult, target: ProbeTarget, timeoutMs: number): ProbeOutcome {
  const ms = r.durationUs / 1000;
  const connecting = r.stage === NativeStage.Connecting;
  switch (r.what) {
    case NativeWhat.Connected:
      return outcome(true, 'L4OK', 'connected', ms);
    case NativeWhat.Status: {
      const spec = target.http;
      const status = parseStatusBytes(r.bytes, r.bytes.length);
      if (status < 0 || !spec) return outcome(false, 'L7RSP', 'malformed status line', ms);
      const inRange = status >= spec.codeMin && status <= spec.codeMax;
      return outcome(inRange, inRange ? 'L7OK' : 'L7STS', `HTTP ${status}`, ms);
    }
    case NativeWhat.Errno: {
      const code = r.bytes.toString('latin1');
      const detail = describeError({
        name: 'Error',
        code,
        message: `${connecting ? 'connect' : 'read'} ${code} ${target.address}:${target.port}`,
      });
      if (code === 'EADDRNOTAVAIL' || code === 'EINVAL') return outcome(false, 'INTERNAL', detail, ms);
      return outcome(false, connecting ? 'L4CON' : 'L7RSP', detail, ms);
    }
    case NativeWhat.Timeout:
      if (connecting) return outcome(false, 'L4TOUT', `timeout after ${timeoutMs}ms while connecting`, ms);
      return target.kind === 'tcp'
        ? outcome(false, 'L4TOUT', `timeout after ${timeoutMs}ms while reading response`, ms)
        : outcome(false, 'L7TOUT', `timeout after ${timeoutMs}ms while reading response`, ms);
    case NativeWhat.ClosedEmpty:
      return connecting
        ? outcome(false, 'L4CON', 'connection closed', ms)
        : outcome(false, 'L7RSP', 'empty response', ms);
    case NativeWhat.ClosedPartial:
      return outcome(false, 'L7RSP', 'incomplete response headers', ms);
    case NativeWhat.TooLong:
      return outcome(false, 'L7RSP', 'status line too long', ms);
    default:
      return outcome(false, 'INTERNAL', `probe helper sent unknown result ${r.what}`, ms);
  }
}
