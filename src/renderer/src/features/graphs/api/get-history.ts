import { queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../lib/bridge';
import { siteKeys } from '../../../lib/query-keys';

/** The last hour of probes of a VIP's backends; refetched every few seconds while visible. */
export function historyQueryOptions(bridge: Bridge, site: string, frontend: string, backends: string[]) {
  return queryOptions({
    queryKey: [...siteKeys.history(site, frontend), backends.join(',')],
    queryFn: () => bridge.invoke('history:range', { site, backends, fromMs: Date.now() - 3_600_000 }),
    staleTime: 0,
    refetchInterval: 5000,
    enabled: backends.length > 0,
  });
}
