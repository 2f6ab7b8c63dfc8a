import type { BackendRow, FrontendInfo, SiteSummary } from '../../../shared/model';
import { emptyBackendCounts } from '../../../shared/model';

/** A site summary for tests. */
export function site(over: Partial<SiteSummary> = {}): SiteSummary {
  return {
    id: 'lab',
    name: 'Lab',
    kind: 'local',
    demo: false,
    location: '/etc/maglev/lab.yaml',
    state: 'ready',
    lastError: null,
    lastContactMs: 0,
    frontendsUp: 1,
    frontendsTotal: 1,
    backends: { ...emptyBackendCounts(), up: 2 },
    worst: null,
    configEditable: true,
    hasVpp: false,
    ...over,
  };
}

/** A backend row for tests. */
export function backend(name: string, over: Partial<BackendRow> = {}): BackendRow {
  return {
    name,
    address: '10.0.0.1',
    state: 'up',
    enabled: true,
    healthcheck: 'web',
    transitions: [{ from: 'unknown', to: 'up', atMs: Date.now() - 5000, code: 'L7OK', detail: 'HTTP 200' }],
    lastProbe: { ok: true, code: 'L7OK', detail: 'HTTP 200', atMs: Date.now(), durationMs: 2.5 },
    probing: false,
    ...over,
  };
}

/** A pool member for tests (effective weight = weight unless given). */
export function member(
  name: string,
  weight = 100,
  effectiveWeight = weight,
): FrontendInfo['pools'][number]['backends'][number] {
  return { name, weight, effectiveWeight, flush: false };
}

/** A one-frontend, two-pool site for tests; `over` replaces fields (name, pools…). */
export function frontend(over: Partial<FrontendInfo> = {}): FrontendInfo {
  return {
    name: 'www',
    address: '192.0.2.1',
    protocol: 'tcp',
    port: 80,
    description: 'web',
    srcIpSticky: false,
    flushOnDown: true,
    state: 'up',
    activePool: 0,
    pools: [
      { name: 'primary', backends: [{ name: 'web-a', weight: 100, effectiveWeight: 100, flush: false }] },
      { name: 'standby', backends: [{ name: 'web-b', weight: 100, effectiveWeight: 0, flush: false }] },
    ],
    ...over,
  };
}
