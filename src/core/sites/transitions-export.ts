import type { TransitionRecord } from '../../shared/model';

/** The export of a transition list, ready to save as a file. */
export interface TransitionsExport {
  filename: string;
  mime: string;
  content: string;
}

const CSV_HEADER = 'time,backend,from,to,code,detail';

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Formats transitions as CSV (ISO times, RFC 4180 quoting) or a JSON array. */
export function exportTransitions(
  records: readonly TransitionRecord[],
  format: 'csv' | 'json',
  site: string,
  nowMs: number,
): TransitionsExport {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  const base = `${site}-transitions-${stamp}`;
  if (format === 'json') {
    const rows = records.map((r) => ({ time: new Date(r.atMs).toISOString(), ...r }));
    return { filename: `${base}.json`, mime: 'application/json', content: JSON.stringify(rows, null, 2) + '\n' };
  }
  const lines = records.map((r) =>
    [new Date(r.atMs).toISOString(), r.backend, r.from, r.to, r.code, r.detail].map(csvField).join(','),
  );
  return { filename: `${base}.csv`, mime: 'text/csv', content: [CSV_HEADER, ...lines].join('\r\n') + '\r\n' };
}
