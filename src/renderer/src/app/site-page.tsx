import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../lib/bridge-context';
import { StateBadge } from '../components/state-badge';
import { BackendsView } from '../features/site/components/backends-view';
import { appInfoQueryOptions } from '../features/site/api/site-queries';
import { BackendActions } from '../features/actions/components/backend-actions';
import { TimelineView } from '../features/timeline/components/timeline-view';
import { ConfigEditor } from '../features/config-editor/components/config-editor';
import { sitesQueryOptions } from '../features/overview/api/get-sites';
import { LogsView } from '../features/logs/components/logs-view';
import { VipGraphs } from '../features/graphs/components/vip-graphs';
import { frontendsQueryOptions } from '../features/site/api/site-queries';
import { SITE_TABS, routeHref, type SiteTab } from './router';

/** One site: tabs for backends, timeline and config; actions unless read-only. */
export function SitePage({ site, tab }: { site: string; tab: SiteTab }) {
  const bridge = useBridge();
  const sites = useQuery(sitesQueryOptions(bridge));
  const info = useQuery(appInfoQueryOptions(bridge));
  const summary = sites.data?.find((s) => s.id === site);
  const fronts = useQuery({ ...frontendsQueryOptions(bridge, site), enabled: tab === 'graphs' });
  if (sites.data && !summary) return <p role="alert">No site named “{site}”.</p>;
  const readOnly = info.data?.readOnly ?? true;
  const tabs = SITE_TABS;
  return (
    <section aria-label={`site ${summary?.name ?? site}`}>
      <header className="site-head">
        <h2>{summary?.name ?? site}</h2>
        {summary && <StateBadge state={summary.state} />}
        <span className="muted">{summary?.location}</span>
        {summary?.lastError && (
          <span className="result-error" role="alert">
            {summary.lastError}
          </span>
        )}
      </header>
      <nav className="tabs" aria-label="Site views">
        {tabs.map((t) => (
          <a key={t} href={routeHref({ view: 'site', site, tab: t })} aria-current={t === tab ? 'page' : undefined}>
            {t}
          </a>
        ))}
      </nav>
      {tab === 'backends' && (
        <BackendsView
          site={site}
          renderActions={
            readOnly
              ? undefined
              : (ref) => (
                  <BackendActions
                    target={{ site, siteName: summary?.name ?? site, backend: ref.backend, frontend: ref.frontend.name, pool: ref.pool.name, weight: ref.member.weight }}
                  />
                )
          }
        />
      )}
      {tab === 'graphs' && fronts.data && <VipGraphs site={site} frontends={fronts.data} />}
      {tab === 'timeline' && <TimelineView site={site} />}
      {tab === 'logs' && <LogsView site={site} />}
      {tab === 'config' && <ConfigEditor site={site} readOnly={readOnly} />}
    </section>
  );
}
