import { useEffect, useRef, type ReactNode } from 'react';
import type { BackendRow, FrontendInfo, PoolInfo } from '../../../../../shared/model';
import { StateBadge } from '../../../components/state-badge';
import { formatAge, formatMs } from '../../../components/format';

export interface MemberRef {
  frontend: FrontendInfo;
  pool: PoolInfo;
  member: PoolInfo['backends'][number];
  backend: BackendRow;
}

/** A cell that flashes briefly when its value changes (no layout shift: only the background animates). */
function Flash({ value, children }: { value: string | number; children: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const el = ref.current;
    if (!el) return;
    el.classList.remove('flash');
    void el.offsetWidth;
    el.classList.add('flash');
  }, [value]);
  return <span ref={ref}>{children}</span>;
}

/** One pool's members with state, weights, last probe and transition age. */
export function PoolTable({
  frontend,
  pool,
  index,
  backends,
  now,
  renderActions,
}: {
  frontend: FrontendInfo;
  pool: PoolInfo;
  index: number;
  backends: Map<string, BackendRow>;
  now: number;
  renderActions?: (ref: MemberRef) => ReactNode;
}) {
  const active = frontend.activePool === index;
  return (
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
      <tbody>
        {pool.backends.map((m) => {
          const b = backends.get(m.name);
          if (!b) {
            return (
              <tr key={m.name}>
                <th scope="row">{m.name}</th>
                <td colSpan={renderActions ? 7 : 6} className="muted">
                  not known to the checker
                </td>
              </tr>
            );
          }
          const last = b.transitions[0];
          return (
            <tr key={m.name} className={`row-${b.state}`} data-backend={b.name} tabIndex={-1}>
              <th scope="row">
                <span className={`heartbeat ${b.probing ? 'beating' : ''}`} aria-label={b.probing ? 'probe in flight' : undefined} />
                {b.name} <span className="muted addr">{b.address}</span>
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
                {last ? formatAge(now - last.atMs) : '—'}
              </td>
              {renderActions && <td>{renderActions({ frontend, pool, member: m, backend: b })}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
