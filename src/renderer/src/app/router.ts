import { useEffect, useState } from 'react';

/**
 * A parsed hash route: `#/`, `#/sites`, `#/audit`, `#/site/<id>`, `#/site/<id>/<tab>/<focus>`.
 * `focus` depends on the tab: a backend (backends, timeline), a VIP (graphs), a config history entry
 * (history: the one shown; config: the one to restore into the editor as a draft).
 */
export type Route =
  | { view: 'overview' }
  | { view: 'sites' }
  | { view: 'audit' }
  | { view: 'site'; site: string; tab: SiteTab; focus?: string };

export const SITE_TABS = ['backends', 'graphs', 'timeline', 'config', 'history', 'logs'] as const;
export type SiteTab = (typeof SITE_TABS)[number];

/** Parses a location hash into a route; unknown hashes are the overview. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'sites') return { view: 'sites' };
  if (parts[0] === 'audit') return { view: 'audit' };
  if (parts[0] === 'site' && parts[1]) {
    const tab = (SITE_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as SiteTab) : 'backends';
    return { view: 'site', site: parts[1], tab, focus: parts[3] };
  }
  return { view: 'overview' };
}

/** Builds the hash of a route. */
export function routeHref(route: Route): string {
  if (route.view === 'overview') return '#/';
  if (route.view === 'sites') return '#/sites';
  if (route.view === 'audit') return '#/audit';
  const focus = route.focus ? `/${encodeURIComponent(route.focus)}` : '';
  return `#/site/${encodeURIComponent(route.site)}/${route.tab}${focus}`;
}

/** Returns the current route and re-renders on hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** Navigates to a route. */
export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
