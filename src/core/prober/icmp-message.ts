// ICMP / ICMPv6 message parsing for the echo prober: pure functions over received bytes.
import { SocketAddress } from 'node:net';

/** Echo request, echo reply and destination-unreachable types per family. */
export const ICMP_TYPES = {
  4: { request: 8, reply: 0, unreachable: 3 },
  6: { request: 128, reply: 129, unreachable: 1 },
} as const;

/** What the prober needs from one received message. */
export interface IcmpMessage {
  type: number;
  code: number;
  id: number;
  seq: number;
  /** Bytes 8..16 of the echo message (our payload marker), from the reply or the quoted request. */
  payload: Buffer;
  /** Unreachable only: the destination of the quoted request. */
  dst?: string;
}

/**
 * Reads an echo reply, or the echo request quoted in a destination-unreachable message; null for
 * anything else. A raw IPv4 socket delivers the IP header first; IPv6 delivers the ICMPv6 message alone.
 */
export function parseIcmp(buf: Buffer, family: 4 | 6): IcmpMessage | null {
  const off = family === 4 ? (buf[0]! & 0x0f) * 4 : 0;
  if (buf.length < off + 8) return null;
  const type = buf[off]!;
  const code = buf[off + 1]!;
  const t = ICMP_TYPES[family];
  if (type === t.reply) {
    return {
      type,
      code,
      id: buf.readUInt16BE(off + 4),
      seq: buf.readUInt16BE(off + 6),
      payload: buf.subarray(off + 8, off + 16),
    };
  }
  if (type !== t.unreachable) return null;
  // The quoted original: IPv4 header (IHL words) or the fixed 40-byte IPv6 header, then the echo request.
  const ip = off + 8;
  const inner = family === 4 ? ip + (buf[ip]! & 0x0f) * 4 : ip + 40;
  if (buf.length < inner + 8 || buf[inner] !== t.request) return null;
  const dst =
    family === 4 ? formatV4(buf.subarray(ip + 16, ip + 20)) : formatV6(buf.subarray(ip + 24, ip + 40));
  return {
    type,
    code,
    id: buf.readUInt16BE(inner + 4),
    seq: buf.readUInt16BE(inner + 6),
    payload: buf.subarray(inner + 8, inner + 16),
    dst,
  };
}

const V4_UNREACHABLE: Record<number, string> = {
  0: 'network unreachable',
  1: 'host unreachable',
  2: 'protocol unreachable',
  3: 'port unreachable',
  4: 'fragmentation needed',
  6: 'destination network unknown',
  7: 'destination host unknown',
  9: 'network administratively prohibited',
  10: 'host administratively prohibited',
  13: 'communication administratively prohibited',
};
const V6_UNREACHABLE: Record<number, string> = {
  0: 'no route to destination',
  1: 'communication administratively prohibited',
  2: 'beyond scope of source address',
  3: 'address unreachable',
  4: 'port unreachable',
  5: 'source address failed policy',
  6: 'reject route to destination',
};

/** Names an unreachable code in the words of RFC 792 / RFC 4443, with the router that reported it. */
export function describeUnreachable(family: 4 | 6, code: number, reporter: string): string {
  const what =
    (family === 4 ? V4_UNREACHABLE : V6_UNREACHABLE)[code] ?? `destination unreachable (code ${code})`;
  return `${what} from ${reporter}`;
}

/** Says whether two textual IP addresses are the same (IPv6 may be written several ways). */
export function isSameAddress(a: string, b: string, family: 4 | 6): boolean {
  if (a === b) return true;
  if (family === 4) return false;
  try {
    const kind = 'ipv6';
    return (
      new SocketAddress({ address: a, family: kind }).address ===
      new SocketAddress({ address: b, family: kind }).address
    );
  } catch {
    return false;
  }
}

function formatV4(b: Buffer): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

function formatV6(b: Buffer): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i).toString(16));
  return groups.join(':');
}
