// Test-only helper: builds normalised Config objects without the YAML loader.
import type {
  BackendConfig,
  Config,
  FrontendConfig,
  HealthCheckConfig,
  HealthCheckerSettings,
  HttpParams,
} from '../config';

/** A pool member: a backend name, or [name, weight]. */
export type TestMember = string | [string, number];

/** A compact description of a test config; everything unsaid gets a default. */
export interface TestConfigSpec {
  /** Checks; the first is the default of every backend. Default: one `web` http check. */
  checks?: Partial<HealthCheckConfig>[];
  /** Backends: a name (address 10.0.0.N), or a partial BackendConfig with a name. */
  backends: (string | (Partial<BackendConfig> & { name: string }))[];
  frontends?: (Partial<Omit<FrontendConfig, 'pools'>> & { name: string; pools: { name: string; backends: TestMember[] }[] })[];
  settings?: Partial<HealthCheckerSettings>;
}

/** Returns http params with the config defaults, overridden by `p`. */
export function testHttpParams(p: Partial<HttpParams> = {}): HttpParams {
  return {
    path: '/',
    host: null,
    responseCodeMin: 200,
    responseCodeMax: 299,
    responseRegexp: null,
    serverName: null,
    insecureSkipVerify: false,
    ...p,
  };
}

/** Returns a check with test defaults: http :80, 1s / 500ms / 5s, timeout 300ms, rise 2, fall 3. */
export function testCheck(p: Partial<HealthCheckConfig> = {}): HealthCheckConfig {
  const type = p.type ?? 'http';
  return {
    name: 'web',
    type,
    port: type === 'icmp' ? 0 : 80,
    intervalMs: 1000,
    fastIntervalMs: 500,
    downIntervalMs: 5000,
    timeoutMs: 300,
    rise: 2,
    fall: 3,
    http: type === 'http' || type === 'https' ? testHttpParams() : null,
    tcp: type === 'tcp' ? { ssl: false, serverName: null, insecureSkipVerify: false } : null,
    ...p,
  };
}

/** Builds a frozen-shape Config from a compact spec. */
export function testConfig(spec: TestConfigSpec): Config {
  const healthchecks = (spec.checks ?? [{}]).map((c) => testCheck(c));
  const defaultCheck = healthchecks[0]?.name ?? 'web';
  const backends: BackendConfig[] = spec.backends.map((b, i) => {
    const partial = typeof b === 'string' ? { name: b } : b;
    const address = partial.address ?? `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    return {
      address,
      family: address.includes(':') ? 6 : 4,
      healthcheck: defaultCheck,
      enabled: true,
      ...partial,
    };
  });
  const frontends: FrontendConfig[] = (spec.frontends ?? []).map((f) => ({
    description: '',
    address: '192.0.2.1',
    family: 4,
    protocol: 'tcp',
    port: 80,
    srcIpSticky: false,
    flushOnDown: true,
    ...f,
    pools: f.pools.map((p) => ({
      name: p.name,
      backends: p.backends.map((m) => (typeof m === 'string' ? { backend: m, weight: 100 } : { backend: m[0], weight: m[1] })),
    })),
  }));
  return {
    healthchecker: { transitionHistory: 5, netns: '', probeIpv4Src: '', probeIpv6Src: '', ...spec.settings },
    vpp: null,
    healthchecks,
    backends,
    frontends,
    legacy: false,
  };
}
