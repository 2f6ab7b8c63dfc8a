import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../../../lib/bridge-context';
import { StateBadge } from '../../../components/state-badge';
import { backendsQueryOptions, frontendsQueryOptions } from '../api/site-queries';
import { PoolTable, type MemberRef } from './pool-table';

const ROWS = 'tbody tr[data-backend]';

/** Moves the focus one row down or up; from outside the tables, j starts at the first row. */
function moveRowFocus(root: HTMLElement, down: boolean): void {
  const rows = Array.from(root.querySelectorAll<HTMLTableRowElement>(ROWS));
  const i = rows.findIndex((r) => r === document.activeElement);
  const next = i < 0 ? rows[0] : rows[down ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1)];
  next?.focus();
}

/** j/k also work before any row has the focus (the page body has it). */
function useBodyRowKeys(root: React.RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (document.activeElement !== document.body || e.ctrlKey || e.metaKey || e.altKey || !root.current) return;
      if (e.key !== 'j' && e.key !== 'k') return;
      e.preventDefault();
      moveRowFocus(root.current, e.key === 'j');
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, [root]);
}

/** Frontends in config order, each with its pools' backend tables; a filter box and j/k navigation. */
export function BackendsView({
  site,
  renderActions,
  detailHref,
  selected,
}: {
  site: string;
  renderActions?: (ref: MemberRef) => ReactNode;
  /** Where Enter on a row, or a click on a backend's name, opens its detail. */
  detailHref?: (backend: string) => string;
  /** The backend whose detail is open (its row is marked). */
  selected?: string;
}) {
  const bridge = useBridge();
  const fronts = useQuery(frontendsQueryOptions(bridge, site));
  const backs = useQuery(backendsQueryOptions(bridge, site));
  const [filter, setFilter] = useState('');
  const root = useRef<HTMLDivElement>(null);
  useBodyRowKeys(root);
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
    if (e.target instanceof HTMLInputElement || !root.current) return;
    const row = e.target instanceof HTMLTableRowElement ? e.target.dataset.backend : undefined;
    if (e.key === 'j' || e.key === 'ArrowDown') moveRowFocus(root.current, true);
    else if (e.key === 'k' || e.key === 'ArrowUp') moveRowFocus(root.current, false);
    else if (e.key === 'Enter' && row && detailHref) window.location.href = detailHref(row);
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
        <span className="muted">j/k rows · Enter details · / filter · Ctrl-K go to · ? all keys</span>
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
            <PoolTable key={p.name} frontend={f} pool={p} index={fronts.data?.find((x) => x.name === f.name)?.pools.findIndex((q) => q.name === p.name) ?? i} backends={byName} renderActions={renderActions} detailHref={detailHref} selected={selected} />
          ))}
        </section>
      ))}
    </div>
  );
}
