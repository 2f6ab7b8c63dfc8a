import { queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../lib/bridge';
import { siteKeys } from '../../../lib/query-keys';

/**
 * Keys under the site's prefix, so that the editor's Apply (which invalidates `['sites', site]`) also
 * refreshes the history and the "current file" side of the diff. An entry's key is the one the editor
 * uses to restore it, so that Restore finds the text already in the cache.
 */
export const configHistoryKeys = {
  list: (site: string) => ['sites', site, 'config-history'] as const,
  entry: (site: string, id: string) => ['sites', site, 'config-history', 'entry', id] as const,
};

/** The configs applied to a local site, newest first (the host keeps the newest 50). */
export function configHistoryQueryOptions(bridge: Bridge, site: string, enabled = true) {
  return queryOptions({
    queryKey: configHistoryKeys.list(site),
    queryFn: () => bridge.invoke('config:history', { site }),
    staleTime: 0,
    enabled,
  });
}

/** One applied config with its text; an entry never changes once written. */
export function configHistoryEntryQueryOptions(bridge: Bridge, site: string, id: string) {
  return queryOptions({
    queryKey: configHistoryKeys.entry(site, id),
    queryFn: () => bridge.invoke('config:history-get', { site, id }),
  });
}

/** The site's config file as it is now (shared with the editor's query of the same key). */
export function currentConfigQueryOptions(bridge: Bridge, site: string) {
  return queryOptions({
    queryKey: siteKeys.config(site),
    queryFn: () => bridge.invoke('config:read', { site }),
    staleTime: 0,
  });
}
