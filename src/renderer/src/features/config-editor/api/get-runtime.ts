import { queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../lib/bridge';
import { siteKeys } from '../../../lib/query-keys';

// The same keys as the site view's queries: pushed `health:changed` batches update these entries, so the
// runtime weights shown here follow SetWeight calls without polling.

/** The running frontends with each pool member's current weight (run-time changes included). */
export function runtimeFrontendsQueryOptions(bridge: Bridge, site: string) {
  return queryOptions({ queryKey: siteKeys.frontends(site), queryFn: () => bridge.invoke('frontends:list', { site }) });
}

/** The running backends (a remote site's read-only structure). */
export function runtimeBackendsQueryOptions(bridge: Bridge, site: string) {
  return queryOptions({ queryKey: siteKeys.backends(site), queryFn: () => bridge.invoke('backends:list', { site }) });
}

/** The running health checks (a remote site's read-only structure). */
export function runtimeHealthChecksQueryOptions(bridge: Bridge, site: string) {
  return queryOptions({ queryKey: siteKeys.healthchecks(site), queryFn: () => bridge.invoke('healthchecks:list', { site }) });
}
