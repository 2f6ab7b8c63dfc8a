import { createRequire } from 'node:module';
import type { ProbeCode } from '../../shared/model';
import { describeUnreachable, ICMP_TYPES, isSameAddress, parseIcmp } from './icmp-message';
import { describeInvalidProbe, invalidProbe } from './probe-validation';
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

/** Our echo payload: replies and quoted requests without it belong to some other pinger. */
const PAYLOAD = Buffer.from('maglevmm', 'latin1');

interface Pending {
  family: 4 | 6;
  address: string;
  settle(ok: boolean, code: ProbeCode, detail: string): void;
}

/** Loads the optional native addon; null when it is not installed or not built for this runtime. */
function loadRaw(): { raw: RawModule } | { error: string } {
  try {
    return { raw: createRequire(__filename)('raw-socket') as RawModule };
  } catch (e) {
    return {
      error: `ICMP support is not available: the raw-socket addon did not load (${(e as Error).message.split('\n')[0]})`,
    };
  }
}

export { parseIcmp };

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
      sock.on('message', (buf, source) => {
        const m = parseIcmp(buf, family);
        // Identifier and sequence alone could match another pinger's traffic: also check payload and peer.
        if (!m || m.id !== id || !PAYLOAD.subarray(0, m.payload.length).equals(m.payload)) return;
        const p = pending.get(m.seq);
        if (!p || p.family !== family) return;
        if (m.type === ICMP_TYPES[family].reply) {
          if (m.payload.length === PAYLOAD.length && isSameAddress(source, p.address, family))
            p.settle(true, 'ICMPOK', 'echo reply');
        } else if (m.dst !== undefined && isSameAddress(m.dst, p.address, family)) {
          p.settle(false, 'ICMPUNR', describeUnreachable(family, m.code, source));
        }
      });
      sock.on('error', (e: Error) => {
        sockets.delete(family);
        for (const p of [...pending.values()])
          if (p.family === family) p.settle(false, 'INTERNAL', `ICMP socket error: ${e.message}`);
      });
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
      try {
        send(target, options, resolve);
      } catch (e) {
        resolve(invalidProbe((e as Error).message));
      }
    });

  const send = (target: ProbeTarget, options: ProbeOptions, resolve: (o: ProbeOutcome) => void): void => {
    const invalid = describeInvalidProbe(target, options);
    if (invalid) return resolve(invalidProbe(invalid));
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
    const entry: Pending = { family: target.family, address: target.address, settle: finish };
    const onAbort = (): void => finish(false, 'ICMPTOUT', 'probe aborted');
    const timer = setTimeout(
      () => finish(false, 'ICMPTOUT', `no echo reply within ${options.timeoutMs}ms`),
      options.timeoutMs,
    );
    pending.set(mySeq, entry);
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const buf = Buffer.alloc(16);
    buf[0] = ICMP_TYPES[target.family].request;
    buf.writeUInt16BE(id, 4);
    buf.writeUInt16BE(mySeq, 6);
    PAYLOAD.copy(buf, 8);
    if (target.family === 4 && !('error' in loaded))
      loaded.raw.writeChecksum(buf, 2, loaded.raw.createChecksum(buf));
    sock.send(buf, 0, buf.length, target.address, (e) => {
      if (e) finish(false, 'ICMPUNR', `cannot send: ${e.message}`);
    });
  };

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
