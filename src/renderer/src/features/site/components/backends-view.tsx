import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../../../lib/bridge-context';
import { StateBadge } from '../../../components/state-badge';
import { backendsQueryOptions, frontendsQueryOptions } from '../api/site-queries';
import { PoolTable, type MemberRef } from './pool-table';

/** Re-renders every second so ages stay current. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/** Frontends in config order, each with its pools' backend tables; a filter box and j/k navigation. */
export function BackendsView({ site, renderActions }: { site: string; renderActions?: (ref: MemberRef) => ReactNode }) {
  const bridge = useBridge();
  const fronts = useQuery(frontendsQueryOptions(bridge, site));
  const backs = useQuery(backendsQueryOptions(bridge, site));
  const [filter, setFilter] = useState('');
  const now = useNow();
  const root = useRef<HTMLDivElement>(null);
  const byName = useMemo(() => new Map((backs.data ?? []).map((b) => [b.name, b])), [backs.data]);
  const needle = filter.trim().toLowerCase();
  const frontends = useMemo(() => {
    if (!fronts.data) return [];
    if (!needle) return fronts.data;
    return fronts.data
      .map((f) => {
        if (f.name.toLowerCase().includes(needle) || f.address.includes(needle)) return f;
        const pools = f.pools
          .map((p) => ({
            ...p,
            backends: p.backends.filter((m) => {
              const b = byName.get(m.name);
              return m.name.toLowerCase().includes(needle) || b?.state === needle || b?.address.includes(needle);
            }),
          }))
          .filter((p) => p.backends.length > 0);
        return pools.length ? { ...f, pools } : null;
      })
      .filter((f): f is NonNullable<typeof f> => f !== null);
  }, [fronts.data, needle, byName]);

  const onKey = (e: React.KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement) return;
    const rows = Array.from(root.current?.querySelectorAll<HTMLTableRowElement>('tbody tr[data-backend]') ?? []);
    const i = rows.findIndex((r) => r === document.activeElement);
    if (e.key === 'j' || e.key === 'ArrowDown') rows[Math.min(rows.length - 1, i + 1)]?.focus();
    else if (e.key === 'k' || e.key === 'ArrowUp') rows[Math.max(0, i - 1)]?.focus();
    else return;
    e.preventDefault();
  };

  if (fronts.isPending || backs.isPending) return <p className="muted">Loading…</p>;
  if (fronts.error || backs.error) return <p role="alert">{(fronts.error ?? backs.error)?.message}</p>;
  return (
    <div ref={root} onKeyDown={onKey}>
      <div className="toolbar">
        <input
          type="search"
          aria-label="Filter backends"
          placeholder="Filter by name, address or state  ( / )"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          id="backend-filter"
        />
        <span className="muted">j/k rows · / filter · Ctrl-K go to · g o overview</span>
      </div>
      {frontends.length === 0 && <p className="muted">Nothing matches “{filter}”.</p>}
      {frontends.map((f) => (
        <section key={f.name} className="frontend" aria-label={`frontend ${f.name}`}>
          <header className="frontend-head">
            <h3>{f.name}</h3>
            <StateBadge state={f.state} />
            <span className="muted">
              {f.address}:{f.port}/{f.protocol}
              {f.description ? ` — ${f.description}` : ''}
            </span>
            <span className="muted">active pool: {f.activePool >= 0 ? f.pools[f.activePool]?.name : 'none'}</span>
          </header>
          {f.pools.map((p, i) => (
            <PoolTable key={p.name} frontend={f} pool={p} index={fronts.data?.find((x) => x.name === f.name)?.pools.findIndex((q) => q.name === p.name) ?? i} backends={byName} now={now} renderActions={renderActions} />
          ))}
        </section>
      ))}
    </div>
  );
}
