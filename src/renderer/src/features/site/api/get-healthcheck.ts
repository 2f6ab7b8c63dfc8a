import { queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../lib/bridge';
import { siteKeys } from '../../../lib/query-keys';

/** One health check's parameters (changes only on reload, which invalidates the site's queries). */
export function healthcheckQueryOptions(bridge: Bridge, site: string, name: string) {
  return queryOptions({
    queryKey: [...siteKeys.healthchecks(site), name],
    queryFn: () => bridge.invoke('healthchecks:get', { site, name }),
    enabled: name !== '',
  });
}
