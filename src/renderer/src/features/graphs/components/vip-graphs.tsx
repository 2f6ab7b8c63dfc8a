import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FrontendInfo } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { historyQueryOptions } from '../api/get-history';
import { LatencyChart } from './latency-chart';

/** Per-VIP health graphs: one latency/state chart per backend of the chosen frontend. */
export function VipGraphs({ site, frontends, initialVip }: { site: string; frontends: FrontendInfo[]; initialVip?: string }) {
  const bridge = useBridge();
  const [vip, setVip] = useState(initialVip ?? frontends[0]?.name ?? '');
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(300, el.clientWidth - 4)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const f = frontends.find((x) => x.name === vip) ?? frontends[0];
  const names = f ? [...new Set(f.pools.flatMap((p) => p.backends.map((b) => b.name)))] : [];
  const q = useQuery(historyQueryOptions(bridge, site, f?.name ?? '', names));
  return (
    <section aria-label="Health graphs" ref={box}>
      <div className="toolbar">
        <label>
          VIP{' '}
          <select value={f?.name ?? ''} onChange={(e) => setVip(e.target.value)} aria-label="VIP">
            {frontends.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name} ({x.address}:{x.port})
              </option>
            ))}
          </select>
        </label>
        <span className="muted">last hour · refreshes every 5 s</span>
      </div>
      {q.error && <p role="alert">{q.error.message}</p>}
      {frontends.length === 0 && <p className="muted">This site has no frontends.</p>}
      {(q.data ?? []).map((s) => (
        <LatencyChart key={s.backend} samples={s} width={width} />
      ))}
    </section>
  );
}
