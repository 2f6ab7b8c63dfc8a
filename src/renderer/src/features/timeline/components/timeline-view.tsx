import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { BACKEND_STATES, type BackendState } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { siteKeys } from '../../../lib/query-keys';
import { StateBadge } from '../../../components/state-badge';
import { formatTime } from '../../../components/format';
import { TimeStrip } from './time-strip';

function download(filename: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A site's transitions: a time strip and a list newest first, filtered by state and name, exportable. */
export function TimelineView({ site, backend }: { site: string; backend?: string }) {
  const bridge = useBridge();
  const [states, setStates] = useState<BackendState[]>([]);
  const [name, setName] = useState(backend ?? '');
  const [vip, setVip] = useState('');
  const q = useQuery({ queryKey: siteKeys.transitions(site), queryFn: () => bridge.invoke('transitions:range', { site, limit: 5000 }) });
  const fronts = useQuery({ queryKey: siteKeys.frontends(site), queryFn: () => bridge.invoke('frontends:list', { site }) });
  const vipMembers = useMemo(() => {
    const f = fronts.data?.find((x) => x.name === vip);
    return f ? new Set(f.pools.flatMap((p) => p.backends.map((b) => b.name))) : null;
  }, [fronts.data, vip]);
  const items = useMemo(() => {
    const n = name.trim().toLowerCase();
    return (q.data ?? []).filter(
      (t) => (states.length === 0 || states.includes(t.to)) && (!n || t.backend.toLowerCase().includes(n)) && (!vipMembers || vipMembers.has(t.backend)),
    );
  }, [q.data, states, name, vipMembers]);
  const exporter = useMutation({
    mutationFn: (format: 'csv' | 'json') =>
      bridge.invoke('transitions:export', { site, format, states: states.length ? states : undefined, backend: name.trim() || undefined, frontend: vip || undefined }),
    onSuccess: (f) => download(f.filename, f.mime, f.content),
  });
  const toggle = (s: BackendState) => setStates((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));
  return (
    <section aria-label="Transition timeline">
      <div className="toolbar">
        <select aria-label="VIP" value={vip} onChange={(e) => setVip(e.target.value)}>
          <option value="">all VIPs</option>
          {(fronts.data ?? []).map((f) => (
            <option key={f.name} value={f.name}>
              {f.name}
            </option>
          ))}
        </select>
        <input type="search" aria-label="Filter transitions by backend" placeholder="backend name" value={name} onChange={(e) => setName(e.target.value)} />
        <fieldset className="state-filter">
          <legend className="sr-only">States</legend>
          {BACKEND_STATES.map((s) => (
            <label key={s}>
              <input type="checkbox" checked={states.includes(s)} onChange={() => toggle(s)} /> {s}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={() => exporter.mutate('csv')}>
          Export CSV
        </button>
        <button type="button" onClick={() => exporter.mutate('json')}>
          Export JSON
        </button>
        {exporter.error && <span role="alert">{exporter.error.message}</span>}
      </div>
      <TimeStrip items={items} />
      {q.isPending && <p className="muted">Loading…</p>}
      {q.error && <p role="alert">{q.error.message}</p>}
      <table className="timeline-list" aria-label="Transitions, newest first">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Backend</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Code</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, 500).map((t) => (
            <tr key={`${t.backend}-${t.atMs}-${t.to}`}>
              <td title={new Date(t.atMs).toISOString()}>{formatTime(t.atMs)}</td>
              <td>{t.backend}</td>
              <td>
                <StateBadge state={t.from} />
              </td>
              <td>
                <StateBadge state={t.to} />
              </td>
              <td>
                <code>{t.code}</code>
              </td>
              <td>{t.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length > 500 && <p className="muted">Showing the newest 500 of {items.length}; export for all.</p>}
    </section>
  );
}
