import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../../../lib/bridge-context';
import { runtimeBackendsQueryOptions, runtimeFrontendsQueryOptions, runtimeHealthChecksQueryOptions } from '../api/get-runtime';
import { modelFromRuntime } from '../utils/runtime-model';
import type { Drift } from '../utils/runtime-drift';
import { VisualView } from './visual-view';

const NO_DRIFTS = new Map<string, Drift>();
const refuseEdit = () => Promise.resolve(false);

/** A remote site's structure as it runs (its file is on the daemon's host): the visual view, read-only. */
export function RemoteStructure({ site }: { site: string }) {
  const bridge = useBridge();
  const fronts = useQuery(runtimeFrontendsQueryOptions(bridge, site));
  const backs = useQuery(runtimeBackendsQueryOptions(bridge, site));
  const checks = useQuery(runtimeHealthChecksQueryOptions(bridge, site));
  const model = useMemo(
    () => (fronts.data && backs.data && checks.data ? modelFromRuntime(fronts.data, backs.data, checks.data) : null),
    [fronts.data, backs.data, checks.data],
  );
  const error = fronts.error ?? backs.error ?? checks.error;
  if (error) return <p role="alert">{error.message}</p>;
  if (!model) return <p className="muted">Loading the running structure…</p>;
  return (
    <VisualView
      model={model}
      readOnly
      banner={<p className="ve-banner muted">The running structure, read-only, with every default filled in.</p>}
      edit={refuseEdit}
      failure={null}
      clearFailure={() => {}}
      issues={[]}
      drifts={NO_DRIFTS}
      driftActions={null}
    />
  );
}
