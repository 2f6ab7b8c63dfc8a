/**
 * IP literal checks without `node:net`, so the same validator runs anywhere (the app's editor
 * worker included). Strict like Go's `net.ParseIP`: no leading zeros in IPv4 octets, no zone.
 */
import type { AddressFamily } from './types';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Returns true for a dotted-quad IPv4 literal. */
export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** Returns true for an IPv6 literal (with `::` compression and an optional trailing IPv4). */
export function isIpv6(text: string): boolean {
  if (text.length < 2 || text.length > 45) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const all = [...head, ...tail];
  let units = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i] ?? '';
    if (i === all.length - 1 && g.includes('.')) {
      if (!isIpv4(g)) return false;
      units += 2;
    } else if (HEX_GROUP.test(g)) units += 1;
    else return false;
  }
  return halves.length === 2 ? units <= 7 : units === 8;
}

/** Returns the address family of an IP literal, or null when the text is not one. */
export function ipFamily(text: string): AddressFamily | null {
  if (isIpv4(text)) return 4;
  if (isIpv6(text)) return 6;
  return null;
}
