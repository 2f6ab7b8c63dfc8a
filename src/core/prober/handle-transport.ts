// The 'handle' transport: plain TCP probes on libuv TCP handles (Node's `tcp_wrap` binding) instead of a
// `net.Socket` per probe. A net.Socket builds a Duplex stream, two stream states, an EventEmitter and
// several closures per connection; a probe needs none of it. Measured in scripts/bench-prober.ts, this
// halves the user CPU per HTTP probe (docs/prober.md). It relies on Node internals, so it is opt-in, is
// checked feature by feature before use, and falls back to net.Socket when anything is missing.
import { getSystemErrorName } from 'node:util';

/** How plain TCP connections are made: Node's net.Socket, or bare libuv handles. */
export type ProbeTransport = 'net' | 'handle';

/** A libuv TCP handle as `tcp_wrap` exposes it (only what the probes call). */
export interface TcpHandle {
  bind(address: string, port: number): number;
  bind6(address: string, port: number, flags: number): number;
  connect(req: object, address: string, port: number): number;
  connect6(req: object, address: string, port: number): number;
  readStart(): number;
  writeBuffer(req: object, buf: Buffer): number;
  reset(cb: () => void): number;
  close(cb: () => void): void;
  onread: ((ab: ArrayBuffer | undefined) => void) | null;
}

/** The pieces of Node's bindings the transport uses; null from `loadHandleApi` when unavailable. */
export interface HandleApi {
  newHandle(): TcpHandle;
  newConnectReq(): { oncomplete: (status: number, handle: TcpHandle) => void };
  newWriteReq(): { handle: TcpHandle | null; oncomplete: (status: number) => void; async: boolean };
  /** Shared read state: bytes read (or a negative libuv error) and the offset into the ArrayBuffer. */
  readState: Int32Array;
  kReadBytes: number;
  kOffset: number;
}

/** libuv's end-of-stream code (the same on every platform). */
const UV_EOF = -4095;

interface Bindings {
  TCP: new (type: number) => TcpHandle;
  TCPConnectWrap: new () => { oncomplete: (status: number, handle: TcpHandle) => void };
  constants: { SOCKET: number };
}
interface StreamBindings {
  WriteWrap: new () => { handle: TcpHandle | null; oncomplete: (status: number) => void; async: boolean };
  streamBaseState: Int32Array;
  kReadBytesOrError: number;
  kArrayBufferOffset: number;
}

/** Loads and checks the bindings; returns null (use net.Socket) when any piece is missing or different. */
export function loadHandleApi(): HandleApi | null {
  try {
    const binding = (process as unknown as { binding?: (name: string) => unknown }).binding;
    if (typeof binding !== 'function' || getSystemErrorName(UV_EOF) !== 'EOF') return null;
    const tcp = binding('tcp_wrap') as Bindings;
    const stream = binding('stream_wrap') as StreamBindings;
    const proto = tcp.TCP?.prototype as Partial<TcpHandle> | undefined;
    const methods = [
      'bind',
      'bind6',
      'connect',
      'connect6',
      'readStart',
      'writeBuffer',
      'reset',
      'close',
    ] as const;
    if (!proto || methods.some((m) => typeof proto[m] !== 'function')) return null;
    if (typeof tcp.TCPConnectWrap !== 'function' || typeof stream.WriteWrap !== 'function') return null;
    if (!(stream.streamBaseState instanceof Int32Array) || typeof stream.kReadBytesOrError !== 'number')
      return null;
    if (typeof stream.kArrayBufferOffset !== 'number' || typeof tcp.constants?.SOCKET !== 'number')
      return null;
    const { TCP, TCPConnectWrap, constants } = tcp;
    return {
      newHandle: () => new TCP(constants.SOCKET),
      newConnectReq: () => new TCPConnectWrap(),
      newWriteReq: () => new stream.WriteWrap(),
      readState: stream.streamBaseState,
      kReadBytes: stream.kReadBytesOrError,
      kOffset: stream.kArrayBufferOffset,
    };
  } catch {
    return null;
  }
}

/** What a probe on a handle is told; the probe's methods of the same names. */
export interface HandleOwner {
  connected(): void;
  received(d: Buffer): void;
  peerClosed(): void;
  socketError(e: NodeJS.ErrnoException): void;
}

const OWNER = Symbol('probe');
const API = Symbol('api');
type Owned = TcpHandle & { [OWNER]?: HandleOwner; [API]?: HandleApi };

/** Turns a negative libuv status into the error shape the probes already describe. */
export function uvError(status: number, syscall: string): NodeJS.ErrnoException {
  let code: string;
  try {
    code = getSystemErrorName(status);
  } catch {
    code = `E${-status}`;
  }
  return Object.assign(new Error(`${syscall} ${code}`), { code, errno: status, syscall });
}

function noop(): void {}

// Callbacks shared by every handle (`this` is the handle, or it comes as an argument).
function afterConnect(status: number, handle: Owned): void {
  const owner = handle[OWNER];
  if (!owner) return;
  if (status < 0) return owner.socketError(uvError(status, 'connect'));
  owner.connected();
}
function onRead(this: Owned, ab: ArrayBuffer | undefined): void {
  const owner = this[OWNER];
  const api = this[API];
  if (!owner || !api) return;
  const n = api.readState[api.kReadBytes] ?? 0;
  if (n > 0 && ab) return owner.received(Buffer.from(ab, api.readState[api.kOffset] ?? 0, n));
  if (n === 0) return;
  if (n === UV_EOF) owner.peerClosed();
  else owner.socketError(uvError(n, 'read'));
}
function afterWrite(this: { handle: Owned | null }, status: number): void {
  const owner = this.handle?.[OWNER];
  if (status < 0 && owner) owner.socketError(uvError(status, 'write'));
}

/** Opens a handle bound to `source` (when set) and connects it; returns an error instead of throwing. */
export function openHandle(
  api: HandleApi,
  owner: HandleOwner,
  address: string,
  family: 4 | 6,
  port: number,
  source: string | null,
): TcpHandle | NodeJS.ErrnoException {
  const h: Owned = api.newHandle();
  h[OWNER] = owner;
  h[API] = api;
  let syscall = 'bind';
  let err = source === null ? 0 : family === 4 ? h.bind(source, 0) : h.bind6(source, 0, 0);
  if (err === 0) {
    syscall = 'connect';
    const req = api.newConnectReq();
    req.oncomplete = afterConnect;
    err = family === 4 ? h.connect(req, address, port) : h.connect6(req, address, port);
  }
  if (err === 0) return h;
  h[OWNER] = undefined;
  h.close(noop);
  return uvError(err, syscall);
}

/** Writes `buf` and starts reading; errors arrive through the owner. */
export function sendOnHandle(api: HandleApi, h: TcpHandle, buf: Buffer): void {
  const owner = (h as Owned)[OWNER];
  h.onread = onRead;
  let err = h.readStart();
  if (err === 0) {
    const req = api.newWriteReq();
    req.handle = h;
    req.oncomplete = afterWrite;
    req.async = false;
    err = h.writeBuffer(req, buf);
  }
  if (err !== 0) owner?.socketError(uvError(err, 'write'));
}

/** Closes with RST (falls back to a plain close); no callback reaches the owner afterwards. */
export function closeHandle(h: TcpHandle): void {
  (h as Owned)[OWNER] = undefined;
  if (h.reset(noop) !== 0) h.close(noop);
}
