import type { OpResponse } from '../../../../../shared/ipc';

export type AuditRecord = OpResponse<'audit:list'>[number];

const MAX_VALUE = 60;
const MAX_LINE = 160;

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function value(v: unknown): string {
  if (typeof v === 'string') return /[\s=]/.test(v) || v === '' ? JSON.stringify(v) : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return clip(JSON.stringify(v) ?? String(v), MAX_VALUE);
}

/**
 * Writes an action's arguments compactly as `key=value …`, leaving out the site (it has its own column).
 * Long values are clipped; the full JSON goes in the cell's title.
 */
export function formatArgs(args: unknown): string {
  if (args === null || args === undefined) return '';
  if (typeof args !== 'object' || Array.isArray(args)) return clip(value(args), MAX_LINE);
  const pairs = Object.entries(args as Record<string, unknown>)
    .filter(([k]) => k !== 'site')
    .map(([k, v]) => `${k}=${value(v)}`);
  return clip(pairs.join(' '), MAX_LINE);
}

/** Formats a Unix ms time as local `YYYY-MM-DD HH:MM:SS`. */
export function formatStamp(atMs: number): string {
  const d = new Date(atMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Says where the host writes its audit log, as far as the page can know. */
export function auditLogLocation(host: 'electron' | 'web', sitesPath: string): string {
  if (host === 'electron') return 'audit.log in the app’s user-data directory';
  const dir = sitesPath.replace(/[^/\\]*$/, '');
  return `${dir || './'}audit.log (next to the sites file)`;
}

export type ResultFilter = 'all' | 'ok' | 'failed';
export interface AuditFilter {
  site: string;
  op: string;
  result: ResultFilter;
}

/** Keeps the records that match every set filter (an empty site or op matches all). */
export function filterAudit(records: AuditRecord[], f: AuditFilter): AuditRecord[] {
  return records.filter(
    (r) => (f.site === '' || (r.site ?? '') === f.site) && (f.op === '' || r.op === f.op) && (f.result === 'all' || r.ok === (f.result === 'ok')),
  );
}
