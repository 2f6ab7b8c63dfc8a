import { queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../lib/bridge';
import { siteKeys } from '../../../lib/query-keys';

/** Query options for the site summaries (kept fresh by `sites:changed` pushes). */
export function sitesQueryOptions(bridge: Bridge) {
  return queryOptions({ queryKey: siteKeys.list(), queryFn: () => bridge.invoke('sites:list', {}) });
}
