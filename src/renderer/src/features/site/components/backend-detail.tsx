import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { BackendRow, FrontendInfo, HealthCheckInfo } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { StateBadge } from '../../../components/state-badge';
import { Age } from '../../../components/age';
import { formatDuration, formatMs, formatTime } from '../../../components/format';
import { backendsQueryOptions, frontendsQueryOptions } from '../api/site-queries';
import { healthcheckQueryOptions } from '../api/get-healthcheck';
import type { MemberRef } from './pool-table';

export interface DetailLinks {
  timeline: string;
  graph: (frontend: string) => string;
}

/** Every pool the backend is a member of, in config order. */
export function membershipsOf(frontends: FrontendInfo[], backend: BackendRow): MemberRef[] {
  const out: MemberRef[] = [];
  for (const frontend of frontends)
    for (const pool of frontend.pools)
      for (const member of pool.backends) if (member.name === backend.name) out.push({ frontend, pool, member, backend });
  return out;
}

function checkSummary(hc: HealthCheckInfo): string {
  const http = hc.http ? ` ${hc.http.path}${hc.http.host ? ` host ${hc.http.host}` : ''} expects ${hc.http.responseCodeMin}-${hc.http.responseCodeMax}` : '';
  return `${hc.type} port ${hc.port}${http}, every ${formatDuration(hc.intervalMs)} (fast ${formatDuration(hc.fastIntervalMs)}, down ${formatDuration(hc.downIntervalMs)}), timeout ${formatDuration(hc.timeoutMs)}, rise ${hc.rise} / fall ${hc.fall}`;
}

function Memberships({ refs, renderActions, links }: { refs: MemberRef[]; renderActions?: (ref: MemberRef) => ReactNode; links: DetailLinks }) {
  if (refs.length === 0) return <p className="muted">Not a member of any pool.</p>;
  return (
    <table aria-label="Pools of this backend">
      <thead>
        <tr>
          <th scope="col">Frontend / pool</th>
          <th scope="col" className="num">Weight</th>
          <th scope="col" className="num">Effective</th>
          {renderActions && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {refs.map((r) => (
          <tr key={`${r.frontend.name}/${r.pool.name}`}>
            <th scope="row">
              <a href={links.graph(r.frontend.name)} title="Health graphs of this VIP">
                {r.frontend.name}
              </a>{' '}
              / {r.pool.name}
              {r.frontend.pools[r.frontend.activePool] === r.pool ? <span className="active-pool"> active</span> : null}
            </th>
            <td className="num">{r.member.weight}</td>
            <td className="num">{r.member.effectiveWeight}</td>
            {renderActions && <td>{renderActions(r)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The detail of one backend beside its site's tables: check, last probe, pools, recent transitions. */
export function BackendDetail(props: {
  site: string;
  backend: string;
  onClose: () => void;
  links: DetailLinks;
  renderActions?: (ref: MemberRef) => ReactNode;
}) {
  const { site, backend, onClose, links, renderActions } = props;
  const bridge = useBridge();
  const backs = useQuery(backendsQueryOptions(bridge, site));
  const fronts = useQuery(frontendsQueryOptions(bridge, site));
  const row = backs.data?.find((b) => b.name === backend);
  const hc = useQuery(healthcheckQueryOptions(bridge, site, row?.healthcheck ?? ''));
  const refs = useMemo(() => (row && fronts.data ? membershipsOf(fronts.data, row) : []), [row, fronts.data]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [backend]);
  const p = row?.lastProbe;
  return (
    <aside
      className="detail-drawer"
      aria-label={`backend ${backend}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="detail-head">
        <h3 ref={heading} tabIndex={-1}>
          {backend}
        </h3>
        {row && <StateBadge state={row.state} />}
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label="Close details">
          ✕
        </button>
      </header>
      {backs.data && !row && <p role="alert">This site has no backend named “{backend}” (removed by a reload?).</p>}
      {row && (
        <>
          <dl className="detail-facts">
            <dt>Address</dt>
            <dd>{row.address}</dd>
            <dt>Health check</dt>
            <dd>
              <strong>{row.healthcheck}</strong> {hc.data ? checkSummary(hc.data) : null}
            </dd>
            <dt>Enabled</dt>
            <dd>{row.enabled ? 'yes' : 'no (disabled by an operator or the config)'}</dd>
            <dt>Last probe</dt>
            <dd>
              {p ? (
                <span className={p.ok ? 'probe-ok' : 'probe-fail'}>
                  <code>{p.code}</code> {p.detail} · {formatMs(p.durationMs)} · <Age atMs={p.atMs} /> ago
                </span>
              ) : (
                <span className="muted">none yet</span>
              )}
              {row.probing ? <span className="muted"> · probing now</span> : null}
            </dd>
          </dl>
          <h4>Pools</h4>
          <Memberships refs={refs} renderActions={renderActions} links={links} />
          <h4>
            Recent transitions <a href={links.timeline}>full timeline</a>
          </h4>
          {row.transitions.length === 0 ? (
            <p className="muted">No transition yet.</p>
          ) : (
            <ol className="detail-transitions" aria-label="Recent transitions">
              {row.transitions.map((t) => (
                <li key={`${t.atMs}-${t.to}`}>
                  <span title={new Date(t.atMs).toISOString()}>{formatTime(t.atMs)}</span> <StateBadge state={t.from} /> → <StateBadge state={t.to} />{' '}
                  <code>{t.code}</code> {t.detail}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </aside>
  );
}
