import { queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../lib/bridge';

/** One applied config of the site's history with its text (what a restore loads into the draft). */
export function historyEntryQueryOptions(bridge: Bridge, site: string, id: string) {
  return queryOptions({
    queryKey: ['sites', site, 'config-history', 'entry', id] as const,
    queryFn: () => bridge.invoke('config:history-get', { site, id }),
  });
}
