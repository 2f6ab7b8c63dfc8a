import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { ProbeCode } from '../../shared/model';
import type { ProbeOptions, ProbeOutcome } from './types';

/** Which stage a probe has reached; decides the code of a timeout or an error. */
export const enum Stage {
  Connecting = 0,
  Handshaking = 1,
  Requesting = 2,
}

export interface TlsParams {
  readonly serverName: string | null;
  readonly insecureSkipVerify: boolean;
}

const ERRNO_DETAIL: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  EADDRNOTAVAIL: 'source address not available',
  EPIPE: 'connection closed',
};

/** Describes a socket error in a few words ("connection refused", "certificate has expired"). */
export function describeError(e: NodeJS.ErrnoException): string {
  return (e.code && ERRNO_DETAIL[e.code]) || e.message || e.code || 'socket error';
}

/**
 * One probe's connection: connect (optionally TLS), one deadline, abort, and a single settle.
 * Subclasses implement what happens once connected. The socket is closed with RST so the checker
 * keeps no TIME_WAIT sockets (as HAProxy does for checks).
 */
export abstract class ProbeConnection {
  protected stage = Stage.Connecting;
  protected raw: Socket | null = null;
  protected tls: TLSSocket | null = null;
  private settled = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly t0 = performance.now();
  private readonly signal: AbortSignal | undefined;
  private readonly onAbort = (): void => this.fail(this.timeoutCode(), 'probe aborted');

  constructor(
    private readonly resolve: (o: ProbeOutcome) => void,
    options: ProbeOptions,
  ) {
    this.signal = options.signal;
    if (this.signal?.aborted) {
      this.fail(this.timeoutCode(), 'probe aborted');
      return;
    }
    this.signal?.addEventListener('abort', this.onAbort, { once: true });
    this.timer = setTimeout(() => this.fail(this.timeoutCode(), `timeout after ${options.timeoutMs}ms ${this.stageText()}`), options.timeoutMs);
  }

  /** Opens the connection; `tls` non-null wraps it in TLS before `onReady`. */
  protected open(address: string, port: number, sourceAddress: string | null, tls: TlsParams | null): void {
    if (this.settled) return;
    let raw: Socket;
    try {
      raw = netConnect({ host: address, port, localAddress: sourceAddress ?? undefined, noDelay: true });
    } catch (e) {
      this.fail('INTERNAL', `cannot connect: ${(e as Error).message}`);
      return;
    }
    this.raw = raw;
    raw.on('error', (e: NodeJS.ErrnoException) => this.onSocketError(e));
    if (!tls) {
      raw.once('connect', () => {
        this.stage = Stage.Requesting;
        this.onReady(raw);
      });
      raw.on('close', () => this.onClose());
      return;
    }
    raw.once('connect', () => {
      this.stage = Stage.Handshaking;
    });
    const sni = tls.serverName && isIP(tls.serverName) === 0 ? tls.serverName : undefined;
    const t = tlsConnect({ socket: raw, servername: sni, rejectUnauthorized: !tls.insecureSkipVerify });
    this.tls = t;
    t.on('error', (e: NodeJS.ErrnoException) => this.onSocketError(e));
    t.once('secureConnect', () => {
      this.stage = Stage.Requesting;
      this.onReady(t);
    });
    t.on('close', () => this.onClose());
  }

  /** Called once the connection (and TLS handshake) is up. */
  protected abstract onReady(socket: Socket | TLSSocket): void;

  /** Called when the peer closes; HTTP reads until close. Default: a failure if not settled. */
  protected onClose(): void {
    if (this.stage === Stage.Handshaking) this.fail('L6RSP', 'connection closed during TLS handshake');
    else if (this.stage === Stage.Connecting) this.fail('L4CON', 'connection closed');
    else this.fail('L7RSP', 'connection closed before a complete response');
  }

  protected onSocketError(e: NodeJS.ErrnoException): void {
    if (this.settled) return;
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'EINVAL') return this.fail('INTERNAL', describeError(e));
    if (this.stage === Stage.Connecting) return this.fail('L4CON', describeError(e));
    if (this.stage === Stage.Handshaking) return this.fail('L6RSP', describeError(e));
    this.fail('L7RSP', describeError(e));
  }

  private timeoutCode(): ProbeCode {
    if (this.stage === Stage.Connecting) return 'L4TOUT';
    if (this.stage === Stage.Handshaking) return 'L6TOUT';
    return this.requestTimeoutCode();
  }

  /** The code of a timeout once connected (L7TOUT for HTTP). */
  protected requestTimeoutCode(): ProbeCode {
    return 'L7TOUT';
  }

  private stageText(): string {
    return ['while connecting', 'during TLS handshake', 'while reading response'][this.stage] ?? '';
  }

  protected succeed(code: ProbeCode, detail: string): void {
    this.settle(true, code, detail);
  }

  protected fail(code: ProbeCode, detail: string): void {
    this.settle(false, code, detail);
  }

  private settle(ok: boolean, code: ProbeCode, detail: string): void {
    if (this.settled) return;
    this.settled = true;
    if (this.timer) clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
    this.close();
    this.resolve({ ok, code, detail, durationMs: performance.now() - this.t0 } as ProbeOutcome);
  }

  private close(): void {
    const raw = this.raw;
    if (!raw) return;
    // Errors after the verdict (e.g. ERR_SOCKET_CLOSED from resetAndDestroy) are expected; the 'error'
    // listeners stay attached and ignore them because the probe is settled.
    if (this.tls) this.tls.destroy();
    if (raw.readyState === 'open' || raw.readyState === 'readOnly' || raw.readyState === 'writeOnly') raw.resetAndDestroy();
    else raw.destroy();
  }

  protected get isSettled(): boolean {
    return this.settled;
  }
}
