import { memo, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { BackendRow, FrontendInfo, PoolInfo } from '../../../../../shared/model';
import { StateBadge } from '../../../components/state-badge';
import { formatMs } from '../../../components/format';
import { Age } from '../../../components/age';

export interface MemberRef {
  frontend: FrontendInfo;
  pool: PoolInfo;
  member: PoolInfo['backends'][number];
  backend: BackendRow;
}

/**
 * A cell that flashes briefly when its value changes (only the background animates: no layout shift).
 * Two identical animations alternate, so a change restarts the flash without forcing a reflow — the
 * usual remove/offsetWidth/add trick costs a full layout per flashing cell under a flood of changes.
 */
function Flash({ value, children }: { value: string | number; children: ReactNode }) {
  const [prev, setPrev] = useState(value);
  const [changes, setChanges] = useState(0);
  if (prev !== value) {
    setPrev(value);
    setChanges(changes + 1);
  }
  return <span className={changes === 0 ? undefined : changes % 2 ? 'flash-a' : 'flash-b'}>{children}</span>;
}

/** One pool's members with state, weights, last probe and transition age. */
export function PoolTable({
  frontend,
  pool,
  index,
  backends,
  renderActions,
  detailHref,
  selected,
}: {
  frontend: FrontendInfo;
  pool: PoolInfo;
  index: number;
  backends: Map<string, BackendRow>;
  renderActions?: (ref: MemberRef) => ReactNode;
  /** Where a backend's detail opens (its name links there). */
  detailHref?: (backend: string) => string;
  /** The backend whose detail is open. */
  selected?: string;
}) {
  const active = frontend.activePool === index;
  // State, not a ref: a parent's ref is attached after its children's layout effects, so the body's
  // virtualizer would find no scroll element on mount and show no rows until something re-rendered it.
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const big = pool.backends.length > VIRTUAL_THRESHOLD;
  const table = (
    <table className="pool-table" aria-label={`${frontend.name} pool ${pool.name}`}>
      <caption>
        pool <strong>{pool.name}</strong> {active ? <span className="active-pool">active</span> : <span className="muted">standby</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">Backend</th>
          <th scope="col">State</th>
          <th scope="col" className="num">Weight</th>
          <th scope="col" className="num">Effective</th>
          <th scope="col">Last probe</th>
          <th scope="col" className="num">Latency</th>
          <th scope="col" className="num">Since</th>
          {renderActions && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <PoolBody pool={pool} frontend={frontend} backends={backends} renderActions={renderActions} detailHref={detailHref} selected={selected} scrollEl={scrollEl} />
    </table>
  );
  // Long pools scroll inside a bounded box and render only the visible rows.
  return big ? (
    <div ref={setScrollEl} className="virtual-scroll">
      {table}
    </div>
  ) : (
    table
  );
}

/** Pools longer than this render only their visible rows (10,000 backends stay responsive). */
export const VIRTUAL_THRESHOLD = 150;
const ROW_PX = 29;

type BodyProps = {
  pool: PoolInfo;
  frontend: FrontendInfo;
  backends: Map<string, BackendRow>;
  renderActions?: (ref: MemberRef) => ReactNode;
  detailHref?: (backend: string) => string;
  selected?: string;
  scrollEl: HTMLDivElement | null;
};

/** A row's props: its own backend object, so a push that changes another backend leaves it alone. */
type RowProps = Pick<BodyProps, 'frontend' | 'pool' | 'renderActions' | 'detailHref'> & {
  member: PoolInfo['backends'][number];
  backend: BackendRow | undefined;
  selected: boolean;
};

function PoolBody(props: BodyProps) {
  const { pool } = props;
  const big = pool.backends.length > VIRTUAL_THRESHOLD;
  const virtual = useVirtualizer({
    count: big ? pool.backends.length : 0,
    getScrollElement: () => props.scrollEl,
    estimateSize: () => ROW_PX,
    overscan: 20,
  });
  const cols = props.renderActions ? 8 : 7;
  if (!big) {
    return (
      <tbody>
        {pool.backends.map((m) => (
          <MemberRow key={m.name} {...rowProps(props, m)} />
        ))}
      </tbody>
    );
  }
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <tbody>
      {top > 0 && <tr aria-hidden="true" style={{ height: top }}><td colSpan={cols} /></tr>}
      {items.map((v) => {
        const m = pool.backends[v.index];
        return m ? <MemberRow key={m.name} {...rowProps(props, m)} /> : null;
      })}
      {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }}><td colSpan={cols} /></tr>}
    </tbody>
  );
}

function rowProps(p: BodyProps, member: PoolInfo['backends'][number]): RowProps {
  return {
    member,
    backend: p.backends.get(member.name),
    frontend: p.frontend,
    pool: p.pool,
    renderActions: p.renderActions,
    detailHref: p.detailHref,
    selected: p.selected === member.name,
  };
}

const MemberRow = memo(function MemberRow({ member: m, backend: b, frontend, pool, renderActions, detailHref, selected }: RowProps) {
  if (!b) {
    return (
      <tr>
        <th scope="row">{m.name}</th>
        <td colSpan={renderActions ? 7 : 6} className="muted">
          not known to the checker
        </td>
      </tr>
    );
  }
  const last = b.transitions[0];
  return (
    <tr className={`row-${b.state}`} data-backend={b.name} tabIndex={-1} aria-current={selected || undefined}>
      <th scope="row">
        <span className={`heartbeat ${b.probing ? 'beating' : ''}`} aria-label={b.probing ? 'probe in flight' : undefined} />
        {detailHref ? (
          <a href={detailHref(b.name)} className="backend-link">
            {b.name}
          </a>
        ) : (
          b.name
        )}{' '}
        <span className="muted addr">{b.address}</span>
      </th>
      <td>
        <Flash value={b.state}>
          <StateBadge state={b.state} />
        </Flash>
      </td>
      <td className="num">{m.weight}</td>
      <td className="num">
        <Flash value={m.effectiveWeight}>{m.effectiveWeight}</Flash>
        {m.flush ? <span className="muted" title="flush requested"> ⟲</span> : null}
      </td>
      <td>
        {b.lastProbe ? (
          <span className={b.lastProbe.ok ? 'probe-ok' : 'probe-fail'}>
            <code>{b.lastProbe.code}</code> {b.lastProbe.detail}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="num">{b.lastProbe ? formatMs(b.lastProbe.durationMs) : '—'}</td>
      <td className="num" title={last ? new Date(last.atMs).toISOString() : undefined}>
        {last ? <Age atMs={last.atMs} /> : '—'}
      </td>
      {renderActions && <td>{renderActions({ frontend, pool, member: m, backend: b })}</td>}
    </tr>
  );
});
