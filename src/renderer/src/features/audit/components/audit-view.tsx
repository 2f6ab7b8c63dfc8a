import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../../../lib/bridge-context';
import { formatTime } from '../../../components/format';
import { AUDIT_LIMIT, auditQueryOptions } from '../api/get-audit-log';
import { auditLogLocation, filterAudit, formatArgs, formatStamp, type AuditFilter, type AuditRecord, type ResultFilter } from './audit-format';

function Row({ r, siteHref }: { r: AuditRecord; siteHref: (site: string) => string }) {
  const args = formatArgs(r.args);
  return (
    <tr className={r.ok ? undefined : 'row-failed'}>
      <td>{formatStamp(r.atMs)}</td>
      <td>
        {r.user}@{r.host}
      </td>
      <td className="muted">{r.origin}</td>
      <td>
        <code>{r.op}</code>
      </td>
      <td>{r.site ? <a href={siteHref(r.site)}>{r.site}</a> : <span className="muted">—</span>}</td>
      <td className="audit-args" title={JSON.stringify(r.args)}>
        <code>{args}</code>
      </td>
      <td className={r.ok ? 'result-ok' : 'result-error'}>
        {r.ok ? (
          'ok'
        ) : (
          <>
            <code>{r.error?.code ?? 'FAILED'}</code> {r.error?.message}
          </>
        )}
      </td>
    </tr>
  );
}

function Select({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange: (v: string) => void }) {
  return (
    <label>
      {label}{' '}
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();

export interface AuditViewProps {
  /** Where the host runs, to say where its log is written. */
  host: 'electron' | 'web';
  sitesPath: string;
  siteHref: (site: string) => string;
}

/** The audit log: every admin action (who, what, where, result), newest first, filterable, refreshed. */
export function AuditView({ host, sitesPath, siteHref }: AuditViewProps) {
  const bridge = useBridge();
  const q = useQuery(auditQueryOptions(bridge));
  const { refetch } = q;
  // TanStack refetches on page visibility; a desktop window regaining focus needs the focus event too
  // (without cancelling a read already under way when both fire).
  useEffect(() => {
    const on = () => void refetch({ cancelRefetch: false });
    window.addEventListener('focus', on);
    return () => window.removeEventListener('focus', on);
  }, [refetch]);
  const [filter, setFilter] = useState<AuditFilter>({ site: '', op: '', result: 'all' });
  const records = useMemo(() => q.data ?? [], [q.data]);
  const shown = useMemo(() => filterAudit(records, filter), [records, filter]);
  const sites = useMemo(() => distinct(records.map((r) => r.site)), [records]);
  const ops = useMemo(() => distinct(records.map((r) => r.op)), [records]);
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <section aria-label="Audit log" className="audit">
      <div className="toolbar">
        <h2>Audit log</h2>
        <Select label="Site" value={filter.site} options={[['', 'all sites'], ...sites.map((s): [string, string] => [s, s])]} onChange={(site) => set({ site })} />
        <Select label="Operation" value={filter.op} options={[['', 'all operations'], ...ops.map((o): [string, string] => [o, o])]} onChange={(op) => set({ op })} />
        <Select
          label="Result"
          value={filter.result}
          options={[
            ['all', 'ok and failed'],
            ['ok', 'ok only'],
            ['failed', 'failed only'],
          ]}
          onChange={(result) => set({ result: result as ResultFilter })}
        />
        <span className="spacer" />
        <span className="muted" role="status" aria-label="audit log status">
          {q.data ? `${shown.length} of ${records.length}${records.length >= AUDIT_LIMIT ? ' (newest)' : ''} · read ${formatTime(q.dataUpdatedAt)}` : 'loading…'}
        </span>
        <button type="button" onClick={() => void refetch()} disabled={q.isFetching}>
          Refresh
        </button>
      </div>
      {q.error && <p role="alert">Could not read the audit log: {q.error.message}</p>}
      {q.data && records.length === 0 && (
        <div className="audit-empty">
          <p>No admin actions recorded yet.</p>
          <p className="muted">
            Pause, resume, enable, disable, weight changes, config apply and reload, and sites edits are appended to {auditLogLocation(host, sitesPath)}, one JSON line each,
            with the OS user and host, the operation, its arguments and the result. A host started without an audit log shows nothing here.
          </p>
        </div>
      )}
      {records.length > 0 && shown.length === 0 && <p className="muted">No action matches these filters.</p>}
      {shown.length > 0 && (
        <div className="audit-scroll">
          <table className="audit-table" aria-label="Admin actions, newest first">
            <thead>
              <tr>
                <th>Time</th>
                <th>Who</th>
                <th>Via</th>
                <th>Operation</th>
                <th>Site</th>
                <th>Arguments</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r, i) => (
                <Row key={`${r.atMs}-${i}`} r={r} siteHref={siteHref} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
