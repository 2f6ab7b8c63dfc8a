import { useQuery } from '@tanstack/react-query';
import type { SiteSummary } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { routeHref } from '../../../app/router';
import { StateBadge } from '../../../components/state-badge';
import { sitesQueryOptions } from '../api/get-sites';

/** Orders sites worst first: offline, then most backends down, then name. */
export function severity(s: SiteSummary): number {
  const conn = { offline: 3000, degraded: 2000, connecting: 1000, ready: 0 }[s.state];
  return conn + (s.backends.down ?? 0) * 10 + (s.frontendsTotal - s.frontendsUp) * 5;
}

function SiteCard({ site }: { site: SiteSummary }) {
  const total = Object.values(site.backends).reduce((a, b) => a + b, 0) - (site.backends.removed ?? 0);
  const up = site.backends.up ?? 0;
  const bad = severity(site) > 0;
  return (
    <li>
      <a className={`site-card ${bad ? 'has-problem' : ''}`} href={routeHref({ view: 'site', site: site.id, tab: 'backends' })} aria-label={`site ${site.name}`}>
        <div className="card-head">
          <h2>{site.name}</h2>
          <StateBadge state={site.state} />
        </div>
        <div className="card-sub">
          {site.kind === 'remote' ? 'remote' : 'local'} · {site.location}
          {site.demo ? ' · demo' : ''}
        </div>
        <dl className="card-stats">
          <div>
            <dt>Frontends</dt>
            <dd>
              UP {site.frontendsUp}/{site.frontendsTotal}
            </dd>
          </div>
          <div>
            <dt>Backends</dt>
            <dd>
              UP {up}/{total}
            </dd>
          </div>
          {(['down', 'unknown', 'paused', 'disabled'] as const).map((st) =>
            site.backends[st] ? (
              <div key={st}>
                <dt>{st}</dt>
                <dd className={`count-${st}`}>{site.backends[st]}</dd>
              </div>
            ) : null,
          )}
        </dl>
        <p className="card-worst" role={bad ? 'status' : undefined}>
          {site.lastError ?? site.worst ?? 'all up'}
        </p>
      </a>
    </li>
  );
}

/** Every site as a card, worst problem first. */
export function OverviewPage() {
  const bridge = useBridge();
  const { data, error, isPending } = useQuery(sitesQueryOptions(bridge));
  if (isPending) return <p className="muted">Loading sites…</p>;
  if (error) return <p role="alert">Cannot list sites: {error.message}</p>;
  const sites = [...data].sort((a, b) => severity(b) - severity(a) || a.name.localeCompare(b.name));
  if (sites.length === 0) return <p className="muted">No sites yet. Add one under Sites.</p>;
  return (
    <section aria-label="Overview">
      <ul className="site-grid">
        {sites.map((s) => (
          <SiteCard key={s.id} site={s} />
        ))}
      </ul>
    </section>
  );
}
