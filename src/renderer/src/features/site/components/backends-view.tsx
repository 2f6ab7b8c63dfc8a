import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FrontendInfo } from '../../../../../shared/model';
import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../../../lib/bridge-context';
import { backendsQueryOptions, frontendsQueryOptions } from '../api/site-queries';
import type { MemberRef } from './pool-table';
import { FrontendList, type ShownFrontend } from './frontend-list';
import './site.css';

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
  // Unfiltered frontends keep their ShownFrontend object while their FrontendInfo is unchanged, so that
  // a push re-renders only the sections it touched.
  const cache = useRef(new WeakMap<FrontendInfo, ShownFrontend>());
  const frontends = useMemo((): ShownFrontend[] => {
    if (!fronts.data) return [];
    const whole = (f: FrontendInfo): ShownFrontend => {
      let s = cache.current.get(f);
      if (!s) cache.current.set(f, (s = { frontend: f, pools: f.pools.map((pool, index) => ({ pool, index })) }));
      return s;
    };
    if (!needle) return fronts.data.map(whole);
    const matches = (name: string) => {
      const b = byName.get(name);
      return name.toLowerCase().includes(needle) || b?.state === needle || !!b?.address.includes(needle);
    };
    const out: ShownFrontend[] = [];
    for (const f of fronts.data) {
      if (f.name.toLowerCase().includes(needle) || f.address.includes(needle)) {
        out.push(whole(f));
        continue;
      }
      const pools = f.pools.map((p, index) => ({ pool: { ...p, backends: p.backends.filter((m) => matches(m.name)) }, index })).filter((p) => p.pool.backends.length > 0);
      if (pools.length) out.push({ frontend: f, pools });
    }
    return out;
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
      <FrontendList shown={frontends} backends={byName} renderActions={renderActions} detailHref={detailHref} selected={selected} />
    </div>
  );
}
