import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../lib/bridge-context';
import { StateBadge } from '../components/state-badge';
import { BackendsView } from '../features/site/components/backends-view';
import { appInfoQueryOptions } from '../features/site/api/site-queries';
import { BackendActions } from '../features/actions/components/backend-actions';
import { TimelineView } from '../features/timeline/components/timeline-view';
import { ConfigEditor } from '../features/config-editor/components/config-editor';
import { ConfigHistoryView } from '../features/config-history/components/config-history-view';
import { sitesQueryOptions } from '../features/overview/api/get-sites';
import { LogsView } from '../features/logs/components/logs-view';
import { VipGraphs } from '../features/graphs/components/vip-graphs';
import { frontendsQueryOptions } from '../features/site/api/site-queries';
import { BackendDetail } from '../features/site/components/backend-detail';
import type { MemberRef } from '../features/site/components/pool-table';
import { SITE_TABS, navigate, routeHref, type SiteTab } from './router';

/** Closes a backend's detail and gives the focus back to its row. */
function closeDetail(site: string, backend: string): void {
  navigate({ view: 'site', site, tab: 'backends' });
  const rows = document.querySelectorAll<HTMLElement>('tr[data-backend]');
  Array.from(rows).find((r) => r.dataset.backend === backend)?.focus();
}

/** One site: tabs for backends, graphs, timeline, config, config history and logs; actions unless read-only. */
export function SitePage({ site, tab, focus }: { site: string; tab: SiteTab; focus?: string }) {
  const bridge = useBridge();
  const sites = useQuery(sitesQueryOptions(bridge));
  const info = useQuery(appInfoQueryOptions(bridge));
  const summary = sites.data?.find((s) => s.id === site);
  const fronts = useQuery({ ...frontendsQueryOptions(bridge, site), enabled: tab === 'graphs' });
  const readOnly = info.data?.readOnly ?? true;
  const siteName = summary?.name ?? site;
  // Stable callbacks: the table's rows are memoised and must not re-render on every site summary push.
  const renderActions = useCallback(
    (ref: MemberRef) => (
      <BackendActions target={{ site, siteName, backend: ref.backend, frontend: ref.frontend.name, pool: ref.pool.name, weight: ref.member.weight }} />
    ),
    [site, siteName],
  );
  const detailHref = useCallback((b: string) => routeHref({ view: 'site', site, tab: 'backends', focus: b }), [site]);
  const historyHref = useCallback((id: string) => routeHref({ view: 'site', site, tab: 'history', focus: id }), [site]);
  // Restore opens the config tab with the entry as a draft; nothing is applied until the user does.
  const restoreHref = useCallback((id: string) => routeHref({ view: 'site', site, tab: 'config', focus: id }), [site]);
  if (sites.data && !summary) return <p role="alert">No site named “{site}”.</p>;
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
      {tab === 'backends' && <BackendsView site={site} renderActions={readOnly ? undefined : renderActions} detailHref={detailHref} selected={focus} />}
      {tab === 'backends' && focus && (
        <BackendDetail
          site={site}
          backend={focus}
          onClose={() => closeDetail(site, focus)}
          renderActions={readOnly ? undefined : renderActions}
          links={{
            timeline: routeHref({ view: 'site', site, tab: 'timeline', focus }),
            graph: (f) => routeHref({ view: 'site', site, tab: 'graphs', focus: f }),
          }}
        />
      )}
      {tab === 'graphs' && fronts.data && <VipGraphs site={site} frontends={fronts.data} initialVip={focus} />}
      {tab === 'timeline' && <TimelineView key={focus ?? ''} site={site} backend={focus} />}
      {tab === 'logs' && <LogsView site={site} />}
      {tab === 'config' && <ConfigEditor site={site} readOnly={readOnly} restoreId={focus} />}
      {tab === 'history' && summary && (
        <ConfigHistoryView
          site={site}
          local={summary.kind !== 'remote'}
          selected={focus}
          entryHref={historyHref}
          restoreHref={readOnly || !summary.configEditable ? null : restoreHref}
        />
      )}
    </section>
  );
}
