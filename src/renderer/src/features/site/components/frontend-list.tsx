import { memo, useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { BackendRow, FrontendInfo, PoolInfo } from '../../../../../shared/model';
import { StateBadge } from '../../../components/state-badge';
import { PoolTable, VIRTUAL_THRESHOLD, type MemberRef } from './pool-table';

/** A frontend as shown: its pools after the filter, each with its index in the config (for "active"). */
export interface ShownFrontend {
  frontend: FrontendInfo;
  pools: { pool: PoolInfo; index: number }[];
}

/** Sites with more rows than this mount only the frontends near the viewport. */
export const LIST_VIRTUAL_ROWS = 400;
const ROW_PX = 29;
const HEAD_PX = 40;
const POOL_HEAD_PX = 52;

type SectionProps = {
  shown: ShownFrontend;
  backends: Map<string, BackendRow>;
  renderActions?: (ref: MemberRef) => ReactNode;
  detailHref?: (backend: string) => string;
  selected?: string;
};

const FrontendSection = memo(function FrontendSection({ shown, backends, renderActions, detailHref, selected }: SectionProps) {
  const f = shown.frontend;
  return (
    <section className="frontend" aria-label={`frontend ${f.name}`}>
      <header className="frontend-head">
        <h3>{f.name}</h3>
        <StateBadge state={f.state} />
        <span className="muted">
          {f.address}:{f.port}/{f.protocol}
          {f.description ? ` — ${f.description}` : ''}
        </span>
        <span className="muted">active pool: {f.activePool >= 0 ? f.pools[f.activePool]?.name : 'none'}</span>
      </header>
      {shown.pools.map(({ pool, index }) => (
        <PoolTable key={pool.name} frontend={f} pool={pool} index={index} backends={backends} renderActions={renderActions} detailHref={detailHref} selected={selected} />
      ))}
    </section>
  );
});

/** A guess of a section's height before it is measured (long pools scroll in a box of at most 70vh). */
function estimate(s: ShownFrontend): number {
  const cap = window.innerHeight * 0.7;
  return HEAD_PX + s.pools.reduce((h, p) => h + POOL_HEAD_PX + (p.pool.backends.length > VIRTUAL_THRESHOLD ? cap : p.pool.backends.length * ROW_PX), 0) + 12;
}

/** Only the frontends near the viewport are mounted; the page scrolls as if all were there. */
function VirtualFrontends(props: Omit<SectionProps, 'shown'> & { shown: ShownFrontend[] }) {
  const { shown, ...rest } = props;
  const box = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => setOffset(box.current?.offsetTop ?? 0), []);
  // Stable callbacks: new ones on every render would throw away the measured sizes each time.
  const estimateSize = useCallback((i: number) => estimate(shown[i]!), [shown]);
  const getItemKey = useCallback((i: number) => shown[i]!.frontend.name, [shown]);
  // A section that measures 0 (not laid out) keeps its estimate; taking 0 would pull every section in.
  const measureElement = useCallback((el: Element) => (el as HTMLElement).offsetHeight || estimateSize(Number((el as HTMLElement).dataset.index)), [estimateSize]);
  const v = useWindowVirtualizer({ count: shown.length, estimateSize, overscan: 2, scrollMargin: offset, getItemKey, measureElement });
  return (
    <div ref={box} style={{ height: v.getTotalSize(), position: 'relative' }}>
      {v.getVirtualItems().map((item) => (
        <div
          key={item.key}
          data-index={item.index}
          ref={v.measureElement}
          className="frontend-slot"
          style={{ transform: `translateY(${item.start - offset}px)` }}
        >
          <FrontendSection shown={shown[item.index]!} {...rest} />
        </div>
      ))}
    </div>
  );
}

/** The frontends of a site in config order; virtualised when the site is large. */
export function FrontendList(props: Omit<SectionProps, 'shown'> & { shown: ShownFrontend[] }) {
  const rows = props.shown.reduce((n, s) => n + s.pools.reduce((m, p) => m + p.pool.backends.length, 0), 0);
  if (rows > LIST_VIRTUAL_ROWS && props.shown.length > 1) return <VirtualFrontends {...props} />;
  const { shown, ...rest } = props;
  return (
    <>
      {shown.map((s) => (
        <FrontendSection key={s.frontend.name} shown={s} {...rest} />
      ))}
    </>
  );
}
