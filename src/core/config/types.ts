/**
 * The normalised, immutable config of one Maglev site (spec/config.md).
 * Every default is applied, durations are milliseconds, and every list is in file order.
 */
export type HealthCheckType = 'icmp' | 'tcp' | 'http' | 'https';
export type AddressFamily = 4 | 6;

export interface HttpParams {
  readonly path: string;
  /** Host header; null means the backend's address. */
  readonly host: string | null;
  readonly responseCodeMin: number;
  readonly responseCodeMax: number;
  /** Source of the body regexp; null when none. */
  readonly responseRegexp: string | null;
  /** SNI for https; null means `host`, else none. */
  readonly serverName: string | null;
  readonly insecureSkipVerify: boolean;
}

export interface TcpParams {
  readonly ssl: boolean;
  readonly serverName: string | null;
  readonly insecureSkipVerify: boolean;
}

export interface HealthCheckConfig {
  readonly name: string;
  readonly type: HealthCheckType;
  /** 0 for icmp. */
  readonly port: number;
  readonly intervalMs: number;
  readonly fastIntervalMs: number;
  readonly downIntervalMs: number;
  readonly timeoutMs: number;
  readonly rise: number;
  readonly fall: number;
  /** Set for http and https. */
  readonly http: HttpParams | null;
  /** Set for tcp. */
  readonly tcp: TcpParams | null;
}

export interface BackendConfig {
  readonly name: string;
  readonly address: string;
  readonly family: AddressFamily;
  readonly healthcheck: string;
  readonly enabled: boolean;
}

export interface PoolMemberConfig {
  readonly backend: string;
  /** 0-100, default 100. */
  readonly weight: number;
}

export interface PoolConfig {
  readonly name: string;
  readonly backends: readonly PoolMemberConfig[];
}

export type FrontendProtocol = 'tcp' | 'udp' | 'any';

export interface FrontendConfig {
  readonly name: string;
  readonly description: string;
  readonly address: string;
  readonly family: AddressFamily;
  readonly protocol: FrontendProtocol;
  readonly port: number;
  readonly srcIpSticky: boolean;
  readonly flushOnDown: boolean;
  readonly pools: readonly PoolConfig[];
}

export interface HealthCheckerSettings {
  readonly transitionHistory: number;
  /** '' means the current namespace. */
  readonly netns: string;
  /** '' means the kernel's choice. */
  readonly probeIpv4Src: string;
  readonly probeIpv6Src: string;
}

export interface VppLbConfig {
  readonly ipv4SrcAddress: string;
  readonly ipv6SrcAddress: string;
  readonly syncIntervalMs: number;
  readonly startupMinDelayMs: number;
  readonly startupMaxDelayMs: number;
}

export interface Config {
  readonly healthchecker: HealthCheckerSettings;
  readonly vpp: { readonly lb: VppLbConfig | null } | null;
  readonly healthchecks: readonly HealthCheckConfig[];
  readonly backends: readonly BackendConfig[];
  readonly frontends: readonly FrontendConfig[];
  /** True when the file used the legacy `vips:` form and was converted. */
  readonly legacy: boolean;
}
