import { createRequire } from 'node:module';
import type { ProbeCode } from '../../shared/model';
import type { ProbeOptions, ProbeOutcome, Prober, ProbeTarget } from './types';

/** The subset of the `raw-socket` addon the ICMP prober uses (see docs/icmp.md). */
interface RawSocket {
  on(event: 'message', cb: (buf: Buffer, source: string) => void): void;
  on(event: 'error', cb: (e: Error) => void): void;
  send(buf: Buffer, offset: number, length: number, address: string, cb: (e: Error | null) => void): void;
  close(): void;
}
interface RawModule {
  createSocket(o: { protocol: number; addressFamily?: number }): RawSocket;
  createChecksum(buf: Buffer): number;
  writeChecksum(buf: Buffer, offset: number, checksum: number): void;
  Protocol: { ICMP: number; ICMPv6: number };
  AddressFamily: { IPv4: number; IPv6: number };
}

const V4 = { request: 8, reply: 0, unreachable: 3 };
const V6 = { request: 128, reply: 129, unreachable: 1 };

interface Pending {
  settle(ok: boolean, code: ProbeCode, detail: string): void;
}

/** Loads the optional native addon; null when it is not installed or not built for this runtime. */
function loadRaw(): { raw: RawModule } | { error: string } {
  try {
    return { raw: createRequire(__filename)('raw-socket') as RawModule };
  } catch (e) {
    return { error: `ICMP support is not available: the raw-socket addon did not load (${(e as Error).message.split('\n')[0]})` };
  }
}

/** Reads id and sequence of an echo reply or of the echo request quoted in an unreachable message. */
export function parseIcmp(buf: Buffer, family: 4 | 6): { type: number; id: number; seq: number } | null {
  // A raw IPv4 socket delivers the IP header; IPv6 delivers the ICMPv6 message alone.
  const off = family === 4 ? (buf[0]! & 0x0f) * 4 : 0;
  if (buf.length < off + 8) return null;
  const type = buf[off]!;
  const t = family === 4 ? V4 : V6;
  if (type === t.reply) return { type, id: buf.readUInt16BE(off + 4), seq: buf.readUInt16BE(off + 6) };
  if (type === t.unreachable) {
    // The quoted original: IPv4 header + 8 bytes of ICMP, or the IPv6 header (40 bytes) + 8 bytes.
    const inner = family === 4 ? off + 8 + ((buf[off + 8]! & 0x0f) * 4) : off + 8 + 40;
    if (buf.length < inner + 8) return null;
    return { type, id: buf.readUInt16BE(inner + 4), seq: buf.readUInt16BE(inner + 6) };
  }
  return null;
}

/**
 * Creates the ICMP echo prober: one shared raw socket per family (opened on first use), probes told apart
 * by identifier and sequence number, so thousands can be in flight. Needs root or CAP_NET_RAW.
 */
export function createIcmpProber(deps: { identifier?: number } = {}): Prober & { dispose(): void } {
  const id = (deps.identifier ?? process.pid) & 0xffff;
  let seq = 0;
  const pending = new Map<number, Pending>();
  const sockets = new Map<4 | 6, RawSocket | string>();
  const loaded = loadRaw();

  const socketFor = (family: 4 | 6): RawSocket | string => {
    const have = sockets.get(family);
    if (have) return have;
    if ('error' in loaded) return loaded.error;
    const { raw } = loaded;
    let sock: RawSocket | string;
    try {
      sock =
        family === 4
          ? raw.createSocket({ protocol: raw.Protocol.ICMP })
          : raw.createSocket({ protocol: raw.Protocol.ICMPv6, addressFamily: raw.AddressFamily.IPv6 });
      sock.on('message', (buf) => {
        const m = parseIcmp(buf, family);
        if (!m || m.id !== id) return;
        const p = pending.get(m.seq);
        if (!p) return;
        const t = family === 4 ? V4 : V6;
        if (m.type === t.reply) p.settle(true, 'ICMPOK', 'echo reply');
        else p.settle(false, 'ICMPUNR', 'destination unreachable');
      });
      sock.on('error', () => sockets.delete(family));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      sock = /EPERM|EACCES|not permitted/i.test(`${err.code} ${err.message}`)
        ? 'ICMP needs root or CAP_NET_RAW'
        : `cannot open an ICMP socket: ${err.message}`;
    }
    sockets.set(family, sock);
    return sock;
  };

  const probe = (target: ProbeTarget, options: ProbeOptions): Promise<ProbeOutcome> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const sock = socketFor(target.family);
      if (typeof sock === 'string') {
        resolve({ ok: false, code: 'INTERNAL', detail: sock, durationMs: 0 });
        return;
      }
      // Skip sequence numbers still in flight (only after 65,536 outstanding probes).
      do seq = (seq + 1) & 0xffff;
      while (pending.has(seq));
      const mySeq = seq;
      const finish = (ok: boolean, code: ProbeCode, detail: string): void => {
        if (pending.get(mySeq) !== entry) return;
        pending.delete(mySeq);
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve({ ok, code, detail, durationMs: performance.now() - t0 } as ProbeOutcome);
      };
      const entry: Pending = { settle: finish };
      const onAbort = (): void => finish(false, 'ICMPTOUT', 'probe aborted');
      const timer = setTimeout(() => finish(false, 'ICMPTOUT', `no echo reply within ${options.timeoutMs}ms`), options.timeoutMs);
      pending.set(mySeq, entry);
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const buf = Buffer.alloc(16);
      buf[0] = target.family === 4 ? V4.request : V6.request;
      buf.writeUInt16BE(id, 4);
      buf.writeUInt16BE(mySeq, 6);
      buf.write('maglevmm', 8, 'latin1');
      if (target.family === 4 && !('error' in loaded)) loaded.raw.writeChecksum(buf, 2, loaded.raw.createChecksum(buf));
      sock.send(buf, 0, buf.length, target.address, (e) => {
        if (e) finish(false, 'ICMPUNR', `cannot send: ${e.message}`);
      });
    });

  return {
    kind: 'icmp',
    probe,
    dispose() {
      for (const s of sockets.values()) if (typeof s !== 'string') s.close();
      sockets.clear();
      for (const p of pending.values()) p.settle(false, 'ICMPTOUT', 'prober disposed');
    },
  };
}
