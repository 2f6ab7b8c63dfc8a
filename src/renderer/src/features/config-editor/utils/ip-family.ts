/** An IP address family, or null for anything that is not an IP literal. */
export type Family = 4 | 6;

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function isV6(a: string): boolean {
  let s = a;
  let groups = 8;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.') && lastColon >= 0) {
    if (!V4.test(s.slice(lastColon + 1))) return false;
    s = `${s.slice(0, lastColon + 1)}0`;
    groups = 7;
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const parts = halves.map((h) => (h === '' ? [] : h.split(':')));
  if (!parts.every((p) => p.every((g) => HEXTET.test(g)))) return false;
  const n = parts.reduce((k, p) => k + p.length, 0) + (groups === 7 ? 1 : 0);
  return halves.length === 2 ? n < 8 : n === 8;
}

/** Returns the family of an IP literal (the frontend/backend addresses of maglev.yaml), or null. */
export function ipFamily(address: string): Family | null {
  if (V4.test(address)) return 4;
  return address.includes(':') && isV6(address) ? 6 : null;
}

/** `IPv4` / `IPv6`. */
export function familyName(f: Family): string {
  return f === 4 ? 'IPv4' : 'IPv6';
}
