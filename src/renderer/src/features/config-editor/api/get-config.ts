import { queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../lib/bridge';
import { siteKeys } from '../../../lib/query-keys';

/** The site's config file (local: text and path; remote: a note, not editable). Always refetched on mount. */
export function configQueryOptions(bridge: Bridge, site: string) {
  return queryOptions({ queryKey: siteKeys.config(site), queryFn: () => bridge.invoke('config:read', { site }), staleTime: 0 });
}
