import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EventPayload } from '../../../shared/ipc';
import type { BackendRow, FrontendInfo, TransitionRecord } from '../../../shared/model';
import { useBridge } from './bridge-context';
import { siteKeys } from './query-keys';

/** Most transitions a site's cached timeline keeps; older ones are refetched on demand. */
const MAX_CACHED_TRANSITIONS = 5000;

function mergeByName<T extends { name: string }>(old: T[] | undefined, updates: T[]): T[] | undefined {
  if (!old) return old;
  const byName = new Map(updates.map((u) => [u.name, u]));
  return old.map((row) => byName.get(row.name) ?? row);
}

/** Applies one `health:changed` batch to the query cache. */
export function applyHealthBatch(qc: QueryClient, batch: EventPayload<'health:changed'>): void {
  const { site } = batch;
  if (batch.resync) {
    void qc.invalidateQueries({ queryKey: ['sites', site] });
    return;
  }
  if (batch.backends.length) qc.setQueryData<BackendRow[]>(siteKeys.backends(site), (old) => mergeByName(old, batch.backends));
  if (batch.frontends.length) qc.setQueryData<FrontendInfo[]>(siteKeys.frontends(site), (old) => mergeByName(old, batch.frontends));
  if (batch.transitions.length) {
    qc.setQueryData<TransitionRecord[]>(siteKeys.transitions(site), (old) => {
      if (!old) return old;
      const fresh = [...batch.transitions].sort((a, b) => b.atMs - a.atMs);
      return [...fresh, ...old].slice(0, MAX_CACHED_TRANSITIONS);
    });
  }
}

/** Mounted once: turns pushed events into cache updates, so views never poll while the stream is live. */
export function useLiveUpdates(): void {
  const bridge = useBridge();
  const qc = useQueryClient();
  useEffect(() => {
    let lost = false;
    const offs = [
      bridge.on('sites:changed', (sites) => qc.setQueryData(siteKeys.list(), sites)),
      bridge.on('health:changed', (batch) => applyHealthBatch(qc, batch)),
      // After a reconnect everything may have changed while no event could arrive: refetch it all.
      // Not on the first open, which only races the queries the views are already making.
      bridge.onConnection((s) => {
        if (s === 'closed') lost = true;
        else if (s === 'open' && lost) {
          lost = false;
          void qc.invalidateQueries();
        }
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [bridge, qc]);
}
