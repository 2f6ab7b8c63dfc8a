// Test-only: a small site (two frontends, three backends, two checks) for the fake checker.
import type { BackendInfo, FrontendInfo, HealthCheckInfo } from '../../../shared/model';

/** Unix ms with a sub-ms part, so ns conversions are checked beyond 2^53. */
export const T0 = 1_764_000_000_123.456;

/** Builds the sample site's frontends, backends and checks. */
export function sampleSite(): {
  frontends: FrontendInfo[];
  backends: BackendInfo[];
  healthchecks: HealthCheckInfo[];
} {
  const backend = (name: string, address: string, state: BackendInfo['state']): BackendInfo => ({
    name,
    address,
    state,
    enabled: true,
    healthcheck: 'web',
    transitions: [{ from: 'unknown', to: state, atMs: T0, code: 'L7OK', detail: 'HTTP 200' }],
    lastProbe: { ok: state === 'up', code: 'L7OK', detail: 'HTTP 200', atMs: T0 + 1, durationMs: 1.5 },
  });
  const frontend = (
    name: string,
    pools: FrontendInfo['pools'],
    state: FrontendInfo['state'],
  ): FrontendInfo => ({
    name,
    address: '192.0.2.80',
    protocol: 'tcp',
    port: 80,
    description: `frontend ${name}`,
    srcIpSticky: false,
    flushOnDown: true,
    state,
    pools,
    activePool: 0,
  });
  return {
    backends: [
      backend('web-a', '127.0.0.2', 'up'),
      backend('web-b', '127.0.0.3', 'up'),
      backend('db-a', '127.0.0.4', 'down'),
    ],
    frontends: [
      frontend(
        'www',
        [
          {
            name: 'primary',
            backends: [
              { name: 'web-a', weight: 100, effectiveWeight: 100, flush: false },
              { name: 'web-b', weight: 50, effectiveWeight: 50, flush: false },
            ],
          },
        ],
        'up',
      ),
      frontend(
        'db',
        [{ name: 'main', backends: [{ name: 'db-a', weight: 100, effectiveWeight: 0, flush: true }] }],
        'down',
      ),
    ],
    healthchecks: [
      {
        name: 'web',
        type: 'http',
        port: 8080,
        intervalMs: 2000,
        fastIntervalMs: 1000,
        downIntervalMs: 10000,
        timeoutMs: 1000,
        rise: 2,
        fall: 3,
        http: {
          path: '/healthz',
          host: 'www.example.com',
          responseCodeMin: 200,
          responseCodeMax: 299,
          responseRegexp: 'ok',
          serverName: '',
          insecureSkipVerify: false,
        },
        tcp: null,
      },
      {
        name: 'db',
        type: 'tcp',
        port: 5432,
        intervalMs: 500.5,
        fastIntervalMs: 250,
        downIntervalMs: 2500,
        timeoutMs: 200,
        rise: 1,
        fall: 1,
        http: null,
        tcp: { ssl: true, serverName: 'db.example.com', insecureSkipVerify: true },
      },
    ],
  };
}
