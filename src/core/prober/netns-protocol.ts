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
