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

// The namespace worker's line protocol. Targets are defined once per worker (`D`), probes then name them
// by id (`P`), so a probe costs a few bytes each way and no JSON; `F` forgets a target that was collected.
//   main → worker:  D <tid> <target JSON>   |   F <tid>   |   P <id> <tid> <timeoutMs>
//   worker → main:  <id> <1|0> <code> <durationMs> <detail to the end of the line>

/** A line the worker reads. */
export type WorkerCommand =
  | { op: 'define'; tid: number; target: ProbeTarget }
  | { op: 'forget'; tid: number }
  | { op: 'probe'; id: number; tid: number; timeoutMs: number };

/** Encodes the definition of target `tid` (its wire JSON, made once per target by the caller). */
export function encodeDefine(tid: number, targetJson: string): string {
  return `D ${tid} ${targetJson}\n`;
}

/** Encodes the forgetting of target `tid`. */
export function encodeForget(tid: number): string {
  return `F ${tid}\n`;
}

/** Encodes probe `id` of target `tid`. */
export function encodeProbe(id: number, tid: number, timeoutMs: number): string {
  return `P ${id} ${tid} ${timeoutMs}\n`;
}

/** Decodes a worker command; null for anything malformed. */
export function decodeCommand(line: string): WorkerCommand | null {
  const op = line.charCodeAt(0);
  const sp = line.indexOf(' ', 2);
  // The first number is the target id, except in `P` lines where it is the probe id.
  const first = Number(line.slice(2, sp < 0 ? undefined : sp));
  if (!Number.isInteger(first) || line.charCodeAt(1) !== 0x20) return null;
  if (op === 0x46 /* F */) return { op: 'forget', tid: first };
  if (sp < 0) return null;
  if (op === 0x44 /* D */) {
    try {
      return { op: 'define', tid: first, target: targetFromWire(JSON.parse(line.slice(sp + 1)) as WireRequest['target']) };
    } catch {
      return null;
    }
  }
  if (op !== 0x50 /* P */) return null;
  const sp2 = line.indexOf(' ', sp + 1);
  const tid = Number(line.slice(sp + 1, sp2));
  const timeoutMs = Number(line.slice(sp2 + 1));
  if (sp2 < 0 || !Number.isInteger(tid) || !(timeoutMs > 0)) return null;
  return { op: 'probe', id: first, tid, timeoutMs };
}

/** Encodes a probe's outcome as one reply line (line breaks in the detail become spaces). */
export function encodeReply(id: number, o: ProbeOutcome): string {
  const detail = /[\r\n]/.test(o.detail) ? o.detail.replace(/[\r\n]+/g, ' ') : o.detail;
  return `${id} ${o.ok ? 1 : 0} ${o.code} ${o.durationMs} ${detail}\n`;
}

/** Decodes a reply line; null for anything malformed. */
export function decodeReply(line: string): WireReply | null {
  const a = line.indexOf(' ');
  const b = line.indexOf(' ', a + 1);
  const c = line.indexOf(' ', b + 1);
  const d = line.indexOf(' ', c + 1);
  if (a < 0 || b < 0 || c < 0 || d < 0) return null;
  const id = Number(line.slice(0, a));
  const durationMs = Number(line.slice(c + 1, d));
  if (!Number.isInteger(id) || !Number.isFinite(durationMs)) return null;
  const ok = line.charCodeAt(a + 1) === 0x31;
  const code = line.slice(b + 1, c) as ProbeOutcome['code'];
  return { id, outcome: { ok, code, detail: line.slice(d + 1), durationMs } as ProbeOutcome };
}

/** Returns a feeder that splits a stream of text chunks into lines (without the '\n') for `onLine`. */
export function createLineSplitter(onLine: (line: string) => void): (chunk: string) => void {
  let rest = '';
  return (chunk) => {
    let start = 0;
    let nl = chunk.indexOf('\n');
    if (nl < 0) {
      rest += chunk;
      return;
    }
    onLine(rest + chunk.slice(0, nl));
    rest = '';
    start = nl + 1;
    while ((nl = chunk.indexOf('\n', start)) >= 0) {
      onLine(chunk.slice(start, nl));
      start = nl + 1;
    }
    rest = chunk.slice(start);
  };
}
