import { queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../lib/bridge';
import { siteKeys } from '../../../lib/query-keys';

/** Frontends of a site in config order (kept fresh by pushes). */
export function frontendsQueryOptions(bridge: Bridge, site: string) {
  return queryOptions({ queryKey: siteKeys.frontends(site), queryFn: () => bridge.invoke('frontends:list', { site }) });
}

/** Backends of a site (kept fresh by pushes). */
export function backendsQueryOptions(bridge: Bridge, site: string) {
  return queryOptions({ queryKey: siteKeys.backends(site), queryFn: () => bridge.invoke('backends:list', { site }) });
}

/** The app's mode (read-only, host). */
export function appInfoQueryOptions(bridge: Bridge) {
  return queryOptions({ queryKey: siteKeys.info(), queryFn: () => bridge.invoke('app:info', {}) });
}
