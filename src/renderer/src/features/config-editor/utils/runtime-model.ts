import type { BackendRow, FrontendInfo, HealthCheckInfo } from '../../../../../shared/model';
import { formatGoDuration, splitDuration } from './duration';
import { modelFromData, type ConfigModel } from './config-model';

const dur = (ms: number) => {
  const s = splitDuration(ms);
  return formatGoDuration(s.value, s.unit);
};

function checkData(h: HealthCheckInfo): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (h.http) {
    Object.assign(params, { path: h.http.path, 'response-code': h.http.responseCodeMin === h.http.responseCodeMax ? h.http.responseCodeMin : `${h.http.responseCodeMin}-${h.http.responseCodeMax}` });
    if (h.http.host) params.host = h.http.host;
    if (h.http.responseRegexp) params['response-regexp'] = h.http.responseRegexp;
    if (h.http.serverName) params['server-name'] = h.http.serverName;
    if (h.http.insecureSkipVerify) params['insecure-skip-verify'] = true;
  }
  if (h.tcp?.ssl) Object.assign(params, { ssl: true, ...(h.tcp.serverName ? { 'server-name': h.tcp.serverName } : {}), ...(h.tcp.insecureSkipVerify ? { 'insecure-skip-verify': true } : {}) });
  return {
    type: h.type,
    ...(h.type === 'icmp' ? {} : { port: h.port }),
    interval: dur(h.intervalMs),
    'fast-interval': dur(h.fastIntervalMs),
    'down-interval': dur(h.downIntervalMs),
    timeout: dur(h.timeoutMs),
    rise: h.rise,
    fall: h.fall,
    params,
  };
}

/**
 * Builds the visual editor's model from what a site runs (a remote site, whose file is on the daemon's
 * host): every value is the effective one, defaults included. Shown read-only.
 */
export function modelFromRuntime(frontends: readonly FrontendInfo[], backends: readonly BackendRow[], checks: readonly HealthCheckInfo[]): ConfigModel {
  return modelFromData({
    maglev: {
      healthchecks: Object.fromEntries(checks.map((h) => [h.name, checkData(h)])),
      backends: Object.fromEntries(backends.map((b) => [b.name, { address: b.address, healthcheck: b.healthcheck, ...(b.enabled ? {} : { enabled: false }) }])),
      frontends: Object.fromEntries(
        frontends.map((f) => [
          f.name,
          {
            address: f.address,
            protocol: f.protocol,
            port: f.port,
            ...(f.description ? { description: f.description } : {}),
            'src-ip-sticky': f.srcIpSticky,
            'flush-on-down': f.flushOnDown,
            pools: f.pools.map((p) => ({ name: p.name, backends: Object.fromEntries(p.backends.map((m) => [m.name, { weight: m.weight }])) })),
          },
        ]),
      ),
    },
  });
}
