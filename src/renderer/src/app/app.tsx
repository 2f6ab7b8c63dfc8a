import { useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useBridge, useBridgeConnection } from '../lib/bridge-context';
import { useLiveUpdates } from '../lib/subscriptions';
import { OverviewPage } from '../features/overview/components/overview-page';
import { sitesQueryOptions } from '../features/overview/api/get-sites';
import { appInfoQueryOptions } from '../features/site/api/site-queries';
import { SitePage } from './site-page';
import { CommandPalette } from './command-palette';
import { SitesView } from '../features/sites/components/sites-view';
import { AuditView } from '../features/audit/components/audit-view';
import { routeHref, useRoute } from './router';
import { useTheme } from './theme';
import { ErrorBoundary } from './error-boundary';
import { ShortcutHelp, useShortcuts } from './shortcuts';
import './app.css';

/** The window title and header say "all up" or "N down" at a glance. */
function useHealthTitle(): string {
  const bridge = useBridge();
  const { data } = useQuery(sitesQueryOptions(bridge));
  const down = (data ?? []).reduce((n, s) => n + (s.backends.down ?? 0), 0);
  const offline = (data ?? []).filter((s) => s.state === 'offline').length;
  const text = !data ? '…' : down === 0 && offline === 0 ? 'all up' : [down ? `${down} down` : '', offline ? `${offline} site${offline > 1 ? 's' : ''} offline` : ''].filter(Boolean).join(', ');
  useEffect(() => {
    document.title = `Maglev Monitor — ${text}`;
  }, [text]);
  return text;
}

/** The app shell: header with health, connection and theme; the routed view. */
export function App() {
  useLiveUpdates();
  const bridge = useBridge();
  const route = useRoute();
  const [help, setHelp] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  useShortcuts(route, toggleHelp);
  const conn = useBridgeConnection();
  const [theme, toggleTheme] = useTheme();
  const title = useHealthTitle();
  const info = useQuery(appInfoQueryOptions(bridge));
  return (
    <div className="app">
      <header className="app-head">
        <a className="brand" href="#/">
          Maglev Monitor
        </a>
        <span className={`health ${title === 'all up' ? 'health-ok' : 'health-bad'}`} role="status" aria-label="overall health">
          {title}
        </span>
        <nav className="top-nav" aria-label="Main">
          <a href="#/" aria-current={route.view === 'overview' ? 'page' : undefined}>
            Overview
          </a>
          <a href="#/sites" aria-current={route.view === 'sites' ? 'page' : undefined}>
            Sites
          </a>
          <a href="#/audit" aria-current={route.view === 'audit' ? 'page' : undefined}>
            Audit log
          </a>
        </nav>
        <span className="spacer" />
        {info.data?.readOnly && <span className="badge">read-only</span>}
        {conn !== 'open' && (
          <span className="badge state-offline" role="alert">
            host {conn}
          </span>
        )}
        <button type="button" onClick={toggleHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
        <button type="button" onClick={toggleTheme} aria-label="Toggle theme">
          {theme === 'dark' ? '☀ light' : '☾ dark'}
        </button>
      </header>
      <CommandPalette toggleTheme={toggleTheme} />
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      <main>
        <ErrorBoundary key={route.view === 'site' ? `site/${route.site}/${route.tab}` : route.view}>
          {route.view === 'overview' && <OverviewPage />}
          {route.view === 'sites' && <SitesView readOnly={info.data?.readOnly ?? true} />}
          {route.view === 'audit' && (
            <AuditView host={info.data?.host ?? 'web'} sitesPath={info.data?.sitesPath ?? ''} siteHref={(site) => routeHref({ view: 'site', site, tab: 'backends' })} />
          )}
          {route.view === 'site' && <SitePage site={route.site} tab={route.tab} focus={route.focus} />}
        </ErrorBoundary>
      </main>
    </div>
  );
}
