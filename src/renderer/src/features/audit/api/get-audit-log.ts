import { queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../lib/bridge';

/** How many of the newest records the view asks for. */
export const AUDIT_LIMIT = 1000;
/** The log is read again this often while the view is open (actions by others show up on their own). */
export const AUDIT_REFRESH_MS = 5000;

export const auditKeys = {
  list: (limit: number) => ['audit', 'list', limit] as const,
};

/** The newest admin actions, newest first; polled, since the host pushes no event for them. */
export function auditQueryOptions(bridge: Bridge, limit = AUDIT_LIMIT) {
  return queryOptions({
    queryKey: auditKeys.list(limit),
    queryFn: () => bridge.invoke('audit:list', { limit }),
    staleTime: 0,
    refetchInterval: AUDIT_REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
}
