import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { ProbeCode } from '../../shared/model';
import { closeHandle, openHandle, sendOnHandle, type HandleApi, type TcpHandle } from './handle-transport';
import { describeError, describeVerifyError } from './probe-errors';
import type { TlsParams } from './tls-context';
import type { ProbeOptions, ProbeOutcome, ProbeTarget } from './types';

/** Which stage a probe has reached; decides the code of a timeout or an error. */
export const enum Stage {
  Connecting = 0,
  Handshaking = 1,
  Requesting = 2,
}

const STAGE_TEXT = ['while connecting', 'during TLS handshake', 'while reading response'];

/** The probe a socket belongs to; set on the socket so one shared listener serves every probe. */
const PROBE = Symbol('probe');
type Owned = (Socket | TLSSocket) & { [PROBE]?: ProbeConnection };

// Listeners shared by all probes (no closures per probe on the hot path); `this` is the socket.
function onSocketError(this: Owned, e: NodeJS.ErrnoException): void {
  this[PROBE]?.socketError(e);
}
function onSocketClose(this: Owned): void {
  this[PROBE]?.peerClosed();
}
function onConnect(this: Owned): void {
  this[PROBE]?.connected();
}
function onSecureConnect(this: Owned): void {
  this[PROBE]?.secured();
}
function onData(this: Owned, d: Buffer): void {
  this[PROBE]?.received(d);
}
function onTimeout(p: ProbeConnection): void {
  p.timedOut();
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
  private handle: TcpHandle | null = null;
  private api: HandleApi | null = null;
  private tlsParams: TlsParams | null = null;
  private settled = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly t0 = performance.now();
  private readonly signal: AbortSignal | undefined;
  private readonly timeoutMs: number;

  constructor(
    private readonly resolve: (o: ProbeOutcome) => void,
    options: ProbeOptions,
  ) {
    this.signal = options.signal;
    this.timeoutMs = options.timeoutMs;
    if (this.signal?.aborted) {
      this.fail(this.timeoutCode(), 'probe aborted');
      return;
    }
    // The probe itself is the abort listener (handleEvent), so no closure is made per probe.
    this.signal?.addEventListener('abort', this);
    this.timer = setTimeout(onTimeout, options.timeoutMs, this);
  }

  /**
   * Opens the connection; `tls` non-null wraps it in TLS before `onReady`. With `api` (the 'handle'
   * transport) a plain TCP probe runs on a bare libuv handle instead of a net.Socket.
   */
  protected open(target: ProbeTarget, tls: TlsParams | null, api: HandleApi | null): void {
    if (this.settled) return;
    const { address, port, sourceAddress } = target;
    if (api && !tls) {
      const h = openHandle(api, this, address, target.family, port, sourceAddress);
      if (h instanceof Error) return this.socketError(h);
      this.handle = h;
      this.api = api;
      return;
    }
    let raw: Owned;
    try {
      raw = netConnect({ host: address, port, localAddress: sourceAddress ?? undefined, noDelay: true });
    } catch (e) {
      this.fail('INTERNAL', `cannot connect: ${(e as Error).message}`);
      return;
    }
    raw[PROBE] = this;
    this.raw = raw;
    raw.on('error', onSocketError);
    raw.on('connect', onConnect);
    if (!tls) {
      raw.on('close', onSocketClose);
      return;
    }
    this.tlsParams = tls;
    const sni = tls.serverName && isIP(tls.serverName) === 0 ? tls.serverName : undefined;
    // Verification is checked on secureConnect rather than left to Node: a rejected certificate then still
    // ends with our RST instead of Node's FIN (one TIME_WAIT socket per failing probe otherwise).
    // `host` is the name the certificate must match: the server name, else the backend's address (as Go does).
    const t: TLSSocket & Owned = tlsConnect({
      socket: raw,
      host: tls.serverName ?? address,
      servername: sni,
      rejectUnauthorized: false,
      secureContext: tls.secureContext,
    });
    t[PROBE] = this;
    this.tls = t;
    t.on('error', onSocketError);
    t.on('secureConnect', onSecureConnect);
    t.on('close', onSocketClose);
  }

  /** Called once the connection (and TLS handshake) is up. */
  protected abstract onReady(): void;

  /** Sends `request` and starts reading the answer (delivered to `received`). */
  protected send(request: Buffer): void {
    if (this.handle && this.api) return sendOnHandle(this.api, this.handle, request);
    const socket = this.tls ?? this.raw;
    if (!socket) return;
    socket.on('data', onData);
    socket.write(request);
  }

  /** @internal Bytes of the answer arrived; probes that read override this. */
  received(_d: Buffer): void {}

  /** @internal The TCP connection is up. */
  connected(): void {
    if (this.settled) return;
    if (this.tls) {
      this.stage = Stage.Handshaking;
      return;
    }
    this.stage = Stage.Requesting;
    this.onReady();
  }

  /** @internal The TLS handshake completed; the certificate is judged here. */
  secured(): void {
    const t = this.tls;
    if (this.settled || !t) return;
    if (!this.tlsParams?.insecureSkipVerify && !t.authorized) {
      this.fail('L6RSP', describeVerifyError(t.authorizationError));
      return;
    }
    this.stage = Stage.Requesting;
    this.onReady();
  }

  /** @internal The deadline passed. */
  timedOut(): void {
    this.timer = null;
    this.fail(this.timeoutCode(), `timeout after ${this.timeoutMs}ms ${STAGE_TEXT[this.stage] ?? ''}`);
  }

  /** @internal The abort signal fired (the probe is its own listener object). */
  handleEvent(): void {
    this.fail(this.timeoutCode(), 'probe aborted');
  }

  /** @internal The peer closed; HTTP reads until close. */
  peerClosed(): void {
    if (!this.settled) this.onClose();
  }

  /** Called when the peer closes before a verdict. Default: a failure for the stage reached. */
  protected onClose(): void {
    if (this.stage === Stage.Handshaking) this.fail('L6RSP', 'connection closed during TLS handshake');
    else if (this.stage === Stage.Connecting) this.fail('L4CON', 'connection closed');
    else this.fail('L7RSP', 'connection closed before a complete response');
  }

  /** @internal A socket error; its code depends on the stage reached. */
  socketError(e: NodeJS.ErrnoException): void {
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
    this.signal?.removeEventListener('abort', this);
    this.close();
    this.resolve({ ok, code, detail, durationMs: performance.now() - this.t0 } as ProbeOutcome);
  }

  private close(): void {
    if (this.handle) {
      closeHandle(this.handle);
      this.handle = null;
      return;
    }
    const raw = this.raw;
    if (!raw) return;
    // Errors after the verdict (e.g. ERR_SOCKET_CLOSED) are expected; the shared 'error' listeners stay
    // attached and ignore them because the probe is settled.
    if (raw.readyState === 'open' || raw.readyState === 'readOnly' || raw.readyState === 'writeOnly') {
      // RST, and leave the TLS layer alone: it closes itself once its TCP handle is gone. Destroying the
      // TLSSocket first would close the handle with a FIN (a TIME_WAIT socket per probe); destroying it
      // right after the reset, inside a TLS callback, crashes Node 20 (SIGSEGV).
      raw.resetAndDestroy();
      return;
    }
    raw.destroy();
    this.tls?.destroy();
  }

  protected get isSettled(): boolean {
    return this.settled;
  }
}
