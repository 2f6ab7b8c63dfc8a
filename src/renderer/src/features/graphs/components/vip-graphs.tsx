import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FrontendInfo } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { historyQueryOptions } from '../api/get-history';
import { LatencyChart, type XRange } from './latency-chart';
import './graphs.css';

/** Mounts its children once they come near the viewport: a VIP of 200 backends builds 200 charts lazily. */
function WhenVisible({ children, height }: { children: ReactNode; height: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = box.current;
    if (seen || !el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { rootMargin: '300px' });
    io.observe(el);
    return () => io.disconnect();
  }, [seen]);
  return (
    <div ref={box} style={seen ? undefined : { height }}>
      {seen ? children : null}
    </div>
  );
}

/** Moves a zoomed window by half its width (dir -1: earlier), or widens it around its middle (dir 0). */
export function shiftRange(r: [number, number], dir: -1 | 0 | 1): [number, number] {
  const span = r[1] - r[0];
  if (dir === 0) return [r[0] - span / 2, r[1] + span / 2];
  return [r[0] + (dir * span) / 2, r[1] + (dir * span) / 2];
}

/** Per-VIP health graphs: one latency/state chart per backend of the chosen frontend, zoomed together. */
export function VipGraphs({ site, frontends, initialVip }: { site: string; frontends: FrontendInfo[]; initialVip?: string }) {
  const bridge = useBridge();
  const [vip, setVip] = useState(initialVip ?? frontends[0]?.name ?? '');
  const [range, setRange] = useState<XRange>(null);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(300, el.clientWidth - 20)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const f = frontends.find((x) => x.name === vip) ?? frontends[0];
  const names = f ? [...new Set(f.pools.flatMap((p) => p.backends.map((b) => b.name)))] : [];
  const q = useQuery(historyQueryOptions(bridge, site, f?.name ?? '', names));
  const syncKey = `graphs:${site}:${f?.name ?? ''}`;
  return (
    <section aria-label="Health graphs" ref={box}>
      <div className="toolbar">
        <label>
          VIP{' '}
          <select
            value={f?.name ?? ''}
            onChange={(e) => {
              setVip(e.target.value);
              setRange(null);
            }}
            aria-label="VIP"
          >
            {frontends.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name} ({x.address}:{x.port})
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{range ? 'zoomed' : 'last hour'} · refreshes every 5 s</span>
        <span className="spacer" />
        <button type="button" disabled={!range} onClick={() => range && setRange(shiftRange(range, -1))} aria-label="Pan earlier">
          ◀ earlier
        </button>
        <button type="button" disabled={!range} onClick={() => range && setRange(shiftRange(range, 1))} aria-label="Pan later">
          later ▶
        </button>
        <button type="button" disabled={!range} onClick={() => range && setRange(shiftRange(range, 0))}>
          Zoom out
        </button>
        <button type="button" disabled={!range} onClick={() => setRange(null)}>
          Reset zoom
        </button>
      </div>
      {q.error && <p role="alert">{q.error.message}</p>}
      {frontends.length === 0 && <p className="muted">This site has no frontends.</p>}
      {(q.data ?? []).map((s) => (
        <WhenVisible key={s.backend} height={208}>
          <LatencyChart samples={s} width={width} syncKey={syncKey} range={range} onRange={setRange} />
        </WhenVisible>
      ))}
    </section>
  );
}
