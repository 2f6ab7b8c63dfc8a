import type { ConfigIssue } from '../../shared/model';

/** Where a problem is: the YAML path and the source offset of the offending node. */
export interface Where {
  readonly path: string;
  readonly pos: number;
}

/** Collects issues by offset; line and column are computed once, at the end, for the few that exist. */
export interface IssueSink {
  add(kind: ConfigIssue['kind'], at: Where, message: string): void;
  count(kind: ConfigIssue['kind']): number;
  /** Returns errors (parse and semantic) and warnings, each sorted by position. */
  finish(): { errors: ConfigIssue[]; warnings: ConfigIssue[] };
}

const PLAIN_SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Appends a map key to a dotted path, quoting keys that contain dots or other punctuation. */
export function joinPath(parent: string, key: string): string {
  const seg = PLAIN_SEGMENT.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (parent === '') return seg;
  return seg.startsWith('[') ? parent + seg : `${parent}.${seg}`;
}

/** Appends a sequence index to a path: `pools[0]`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** Creates a 1-based line/column lookup over `text` (built lazily: most loads report nothing). */
export function createLineIndex(text: string): (pos: number) => { line: number; col: number } {
  let starts: number[] | null = null;
  return (pos) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const p = Math.max(0, Math.min(pos, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= p) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: p - (starts[lo] ?? 0) + 1 };
  };
}

/** Creates an issue sink that resolves offsets through `lineOf`. */
export function createIssueSink(lineOf: (pos: number) => { line: number; col: number }): IssueSink {
  const all: { kind: ConfigIssue['kind']; at: Where; message: string; seq: number }[] = [];
  const counts = { parse: 0, semantic: 0, warning: 0 };
  const toIssue = (e: (typeof all)[number]): ConfigIssue => ({ kind: e.kind, path: e.at.path, ...lineOf(e.at.pos), message: e.message });
  return {
    add(kind, at, message) {
      all.push({ kind, at, message, seq: all.length });
      counts[kind]++;
    },
    count: (kind) => counts[kind],
    finish() {
      const sorted = [...all].sort((a, b) => a.at.pos - b.at.pos || a.seq - b.seq);
      return {
        errors: sorted.filter((e) => e.kind !== 'warning').map(toIssue),
        warnings: sorted.filter((e) => e.kind === 'warning').map(toIssue),
      };
    },
  };
}

/**
 * Formats an issue the way compilers do: `FILE:LINE:COL: PATH: MESSAGE` (no PATH part when the
 * path is empty; warnings get a `warning: ` prefix on the message so they read differently).
 */
export function formatIssue(fileName: string, issue: ConfigIssue): string {
  const where = issue.path === '' ? '' : `${issue.path}: `;
  const tag = issue.kind === 'warning' ? 'warning: ' : '';
  return `${fileName}:${issue.line}:${issue.col}: ${where}${tag}${issue.message}`;
}
