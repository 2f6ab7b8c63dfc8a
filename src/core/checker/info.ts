import type { BackendInfo, HealthCheckInfo } from '../../shared/model';
import type { HealthCheckConfig } from '../config';
import type { Worker } from './context';

/** Builds the BackendInfo DTO of a worker (transitions newest first, copied). */
export function backendInfo(w: Worker): BackendInfo {
  return {
    name: w.name,
    address: w.backend.address,
    state: w.health.state,
    enabled: w.enabled,
    healthcheck: w.backend.healthcheck,
    transitions: w.health.transitions.slice(),
    lastProbe: w.last
      ? { ok: w.last.ok, code: w.last.code, detail: w.last.detail, atMs: w.lastAt, durationMs: w.last.durationMs }
      : null,
  };
}

/** Builds the HealthCheckInfo DTO; unset optional params read as '' (the wire has no null). */
export function healthCheckInfo(hc: HealthCheckConfig): HealthCheckInfo {
  return {
    name: hc.name,
    type: hc.type,
    port: hc.port,
    intervalMs: hc.intervalMs,
    fastIntervalMs: hc.fastIntervalMs,
    downIntervalMs: hc.downIntervalMs,
    timeoutMs: hc.timeoutMs,
    rise: hc.rise,
    fall: hc.fall,
    http: hc.http
      ? {
          path: hc.http.path,
          host: hc.http.host ?? '',
          responseCodeMin: hc.http.responseCodeMin,
          responseCodeMax: hc.http.responseCodeMax,
          responseRegexp: hc.http.responseRegexp ?? '',
          serverName: hc.http.serverName ?? '',
          insecureSkipVerify: hc.http.insecureSkipVerify,
        }
      : null,
    tcp: hc.tcp
      ? { ssl: hc.tcp.ssl, serverName: hc.tcp.serverName ?? '', insecureSkipVerify: hc.tcp.insecureSkipVerify }
      : null,
  };
}
