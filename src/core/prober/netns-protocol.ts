import { isIP } from 'node:net';
import type { ProbeOutcome, ProbeTarget } from './types';

/** A probe request to the namespace worker (one JSON line). RegExps travel as source + flags. */
export interface WireRequest {
  id: number;
  target: Omit<ProbeTarget, 'http'> & { http: (Omit<NonNullable<ProbeTarget['http']>, 'regexp'> & { regexp: { source: string; flags: string } | null }) | null };
  timeoutMs: number;
}

/** The worker's answer (one JSON line). */
export interface WireReply {
  id: number;
  outcome: ProbeOutcome;
}

/** Turns a target into its wire form. */
export function targetToWire(t: ProbeTarget): WireRequest['target'] {
  return { ...t, http: t.http ? { ...t.http, regexp: t.http.regexp ? { source: t.http.regexp.source, flags: t.http.regexp.flags } : null } : null };
}

/** Turns a wire target back into a ProbeTarget (compiling the regexp once). */
export function targetFromWire(t: WireRequest['target']): ProbeTarget {
  return { ...t, http: t.http ? { ...t.http, regexp: t.http.regexp ? new RegExp(t.http.regexp.source, t.http.regexp.flags) : null } : null };
}

const KINDS: ReadonlySet<unknown> = new Set(['http', 'https', 'tcp', 'icmp']);

/** Says what is wrong with a probe request that the worker could not run, or null when it can. */
export function describeInvalidProbe(t: unknown, timeoutMs: unknown): string | null {
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) return `timeout ${String(timeoutMs)}`;
  if (typeof t !== 'object' || t === null) return 'no target';
  const x = t as Partial<Record<keyof ProbeTarget, unknown>>;
  if (!KINDS.has(x.kind)) return `kind ${String(x.kind)}`;
  if (typeof x.address !== 'string' || isIP(x.address) === 0) return `address ${String(x.address)}`;
  if (x.family !== 4 && x.family !== 6) return `family ${String(x.family)}`;
  if (!Number.isInteger(x.port) || (x.port as number) < 0 || (x.port as number) > 65535) return `port ${String(x.port)}`;
  if ((x.kind === 'http' || x.kind === 'https') && (typeof x.http !== 'object' || x.http === null)) return 'http parameters missing';
  const re = (x.http as { regexp?: unknown } | null | undefined)?.regexp;
  if (re !== undefined && re !== null && !(re instanceof RegExp)) return 'regexp is not a RegExp';
  return null;
}
