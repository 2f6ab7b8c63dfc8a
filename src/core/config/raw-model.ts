/**
 * What the schema walk read, before semantic checks: every value keeps where it came from.
 * The legacy `vips:` form is read into the same shape (with positions in the legacy nodes), so
 * one set of semantic checks serves both forms.
 */
import type { Field, Val } from './read-node';
import type { Where } from './issues';
import type { FrontendProtocol, HealthCheckType } from './types';

/** Every params key of any check type, in the order messages list them. */
export const PARAM_KEYS = ['path', 'host', 'response-code', 'response-regexp', 'server-name', 'insecure-skip-verify', 'ssl'] as const;
/** One params key. */
export type ParamKey = (typeof PARAM_KEYS)[number];

/** Which params each check type accepts (spec/config.md). */
export const PARAMS_BY_TYPE: Readonly<Record<HealthCheckType, readonly ParamKey[]>> = {
  icmp: [],
  tcp: ['ssl', 'server-name', 'insecure-skip-verify'],
  http: ['path', 'host', 'response-code', 'response-regexp'],
  https: ['path', 'host', 'response-code', 'response-regexp', 'server-name', 'insecure-skip-verify'],
};

/** A params entry as read, before the type decides whether it belongs. */
export interface RawParam {
  readonly key: ParamKey;
  readonly keyAt: Where;
  readonly value: Field<string | number | boolean>;
}

/** A healthcheck as read (new form, or a legacy VIP's inline check). */
export interface RawHealthCheck {
  readonly name: string;
  readonly at: Where;
  readonly type: Field<HealthCheckType>;
  readonly port: Field<number>;
  /** Legacy form: the port is the VIP's, so a missing one is the VIP's error, not the check's. */
  readonly portFromVip: boolean;
  readonly interval: Field<number>;
  readonly fastInterval: Field<number>;
  readonly downInterval: Field<number>;
  readonly timeout: Field<number>;
  readonly rise: Field<number>;
  readonly fall: Field<number>;
  readonly params: readonly RawParam[];
}

/** A backend as read (or derived from a legacy VIP's IP list). */
export interface RawBackend {
  readonly name: string;
  readonly at: Where;
  readonly address: Field<string>;
  readonly healthcheck: Field<string>;
  readonly enabled: Field<boolean>;
}

/** A pool member as read: backend name and optional weight. */
export interface RawMember {
  readonly name: string;
  readonly at: Where;
  readonly weight: Field<number>;
}

/** A pool as read. */
export interface RawPool {
  readonly at: Where;
  readonly name: Field<string>;
  readonly backends: Field<readonly RawMember[]>;
}

/** A frontend as read (or derived from a legacy VIP). */
export interface RawFrontend {
  readonly name: string;
  readonly at: Where;
  readonly description: Field<string>;
  readonly address: Field<string>;
  readonly protocol: Field<FrontendProtocol>;
  readonly port: Field<number>;
  readonly srcIpSticky: Field<boolean>;
  readonly flushOnDown: Field<boolean>;
  readonly pools: Field<readonly RawPool[]>;
}

/** The healthchecker section as read. */
export interface RawHealthchecker {
  readonly transitionHistory: Field<number>;
  readonly netns: Field<string>;
  readonly probeIpv4Src: Field<string>;
  readonly probeIpv6Src: Field<string>;
}

/** The vpp.lb section as read. */
export interface RawVppLb {
  readonly at: Where;
  readonly ipv4SrcAddress: Field<string>;
  readonly ipv6SrcAddress: Field<string>;
  readonly syncInterval: Field<number>;
  readonly startupMinDelay: Field<number>;
  readonly startupMaxDelay: Field<number>;
}

/** A legacy VIP as read. */
export interface RawVip {
  readonly name: string;
  readonly at: Where;
  readonly address: Field<string>;
  readonly protocol: Field<FrontendProtocol>;
  readonly port: Field<number>;
  /** The backend IPs; a null item was unreadable (already reported). */
  readonly backends: Field<readonly (Val<string> | null)[]>;
  /** Where `healthcheck:` is, when present. */
  readonly healthcheckAt: Where | null;
}

/** The whole file as read, input to the semantic checks. */
export interface RawConfig {
  readonly healthchecker: RawHealthchecker;
  /** null: `vpp:` present but unreadable; undefined: absent. */
  readonly vpp: { readonly lb: RawVppLb | null | undefined } | null | undefined;
  readonly healthchecks: readonly RawHealthCheck[];
  readonly backends: readonly RawBackend[];
  readonly frontends: readonly RawFrontend[];
  /** Names in the file, readable or not; null when the whole section was unreadable (skip reference checks). */
  readonly healthcheckNames: ReadonlySet<string> | null;
  readonly backendNames: ReadonlySet<string> | null;
  /** Set when the file uses the legacy form; backends and frontends are then derived from it. */
  readonly legacy: { readonly at: Where; readonly vips: readonly RawVip[] } | null;
}
