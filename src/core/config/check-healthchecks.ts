import { semantic } from './check-context';
import type { CheckCtx } from './check-context';
import { formatDuration } from './duration';
import { ipFamily } from './ip';
import type { Where } from './issues';
import { PARAMS_BY_TYPE } from './raw-model';
import type { RawHealthCheck, RawHealthchecker, RawParam } from './raw-model';
import type { Field, Val } from './read-node';
import { compileResponseRegexp } from './response-regexp';
import type { HealthCheckConfig, HealthCheckerSettings, HttpParams, TcpParams } from './types';

/** The shortest interval a check may use; sub-second intervals are fine, busy loops are not. */
export const MIN_INTERVAL_MS = 10;
const DEFAULTS = { intervalMs: 2000, timeoutMs: 1000, rise: 2, fall: 3, transitionHistory: 5 };

/** Checks the healthchecker section and applies its defaults. */
export function buildHealthchecker(ctx: CheckCtx, r: RawHealthchecker): HealthCheckerSettings {
  const history = r.transitionHistory?.v ?? DEFAULTS.transitionHistory;
  if (r.transitionHistory && history < 1) semantic(ctx, r.transitionHistory.at, `transition-history ${history} must be at least 1`);
  return {
    transitionHistory: history,
    netns: r.netns?.v ?? '',
    probeIpv4Src: checkSourceAddress(ctx, r.probeIpv4Src, 4, 'probe-ipv4-src'),
    probeIpv6Src: checkSourceAddress(ctx, r.probeIpv6Src, 6, 'probe-ipv6-src'),
  };
}

/** Checks an optional source address ('' = kernel's choice) against the family its key names. */
export function checkSourceAddress(ctx: CheckCtx, f: Field<string>, family: 4 | 6, key: string): string {
  if (!f || f.v === '') return '';
  const actual = ipFamily(f.v);
  if (actual === null) semantic(ctx, f.at, `${key} "${f.v}" is not an IP address`);
  else if (actual !== family) semantic(ctx, f.at, `${key} ${f.v} is not an IPv${family} address`);
  return f.v;
}

/** Checks every healthcheck; returns the ones that are valid, by name, in file order. */
export function buildHealthChecks(ctx: CheckCtx, raws: readonly RawHealthCheck[]): Map<string, HealthCheckConfig> {
  const out = new Map<string, HealthCheckConfig>();
  for (const r of raws) {
    const before = ctx.sink.count('semantic');
    const hc = buildHealthCheck(ctx, r);
    if (hc && ctx.sink.count('semantic') === before) out.set(r.name, hc);
  }
  return out;
}

function buildHealthCheck(ctx: CheckCtx, r: RawHealthCheck): HealthCheckConfig | null {
  if (r.name === '') semantic(ctx, r.at, 'empty healthcheck name');
  if (r.type === undefined) semantic(ctx, r.at, 'missing "type" (one of icmp, tcp, http, https)');
  if (!r.type) return null;
  const type = r.type.v;
  const port = checkPort(ctx, r, type);
  const times = checkTimes(ctx, r);
  for (const [key, f] of [['rise', r.rise], ['fall', r.fall]] as const) {
    if (f && f.v < 1) semantic(ctx, f.at, `${key} ${f.v} must be at least 1`);
  }
  checkParamKeys(ctx, r.params, type);
  const params = new Map(r.params.map((p) => [p.key, p.value]));
  return {
    name: r.name,
    type,
    port,
    ...times,
    rise: r.rise?.v ?? DEFAULTS.rise,
    fall: r.fall?.v ?? DEFAULTS.fall,
    http: type === 'http' || type === 'https' ? buildHttpParams(ctx, params, type) : null,
    tcp: type === 'tcp' ? buildTcpParams(ctx, params) : null,
  };
}

function checkPort(ctx: CheckCtx, r: RawHealthCheck, type: string): number {
  if (type === 'icmp') {
    if (r.port) semantic(ctx, r.port.at, 'icmp checks take no port');
    return 0;
  }
  if (r.port === undefined) {
    // In the legacy form the port is the VIP's; a missing one is reported on the VIP.
    if (!r.portFromVip) semantic(ctx, r.at, `missing "port" (required for ${type} checks)`);
    return 0;
  }
  if (r.port && (r.port.v < 1 || r.port.v > 65535)) semantic(ctx, r.port.at, `port ${r.port.v} out of range for ${type} checks (1-65535)`);
  return r.port?.v ?? 0;
}

interface Interval {
  readonly key: string;
  readonly ms: number;
  /** Where to point when this interval is to blame; null when it is a pure default. */
  readonly at: Where | null;
  readonly note: string;
}

function checkTimes(ctx: CheckCtx, r: RawHealthCheck): Pick<HealthCheckConfig, 'intervalMs' | 'fastIntervalMs' | 'downIntervalMs' | 'timeoutMs'> {
  const base = r.interval?.v ?? DEFAULTS.intervalMs;
  const derived = (f: Field<number>, key: string, ms: number, note: string): Interval =>
    f ? { key, ms: f.v, at: f.at, note: '' } : { key, ms, at: r.interval?.at ?? null, note };
  // Derived defaults never fall below the minimum, so `interval: 10ms` alone stays valid.
  const intervals = [
    derived(r.interval, 'interval', base, ' (default)'),
    derived(r.fastInterval, 'fast-interval', Math.max(MIN_INTERVAL_MS, base / 2), ' (default: interval/2)'),
    derived(r.downInterval, 'down-interval', base * 5, ' (default: interval*5)'),
  ];
  for (const [f, key] of [[r.interval, 'interval'], [r.fastInterval, 'fast-interval'], [r.downInterval, 'down-interval']] as const) {
    if (f && f.v < MIN_INTERVAL_MS) semantic(ctx, f.at, `${key} ${formatDuration(f.v)} is below the minimum ${MIN_INTERVAL_MS}ms`);
  }
  const timeout = r.timeout?.v ?? DEFAULTS.timeoutMs;
  if (r.timeout && timeout <= 0) semantic(ctx, r.timeout.at, `timeout ${formatDuration(timeout)} must be positive`);
  // Deliberate reading of config.md's "timeout must be <= the smallest interval": a timeout longer than
  // `interval` or `down-interval` is an error, but one longer than `fast-interval` is only a warning. The next
  // probe is scheduled after the previous one ends, so probes never overlap; a long timeout only slows the
  // fast cadence. HAProxy accepts `inter 1s fastinter 500ms timeout 1s` and the benchmark of issue 8 uses it.
  const t = `timeout ${formatDuration(timeout)}${r.timeout ? '' : ' (default)'}`;
  for (const iv of intervals) {
    if (timeout <= iv.ms || iv.ms < MIN_INTERVAL_MS) continue;
    const at = r.timeout?.at ?? iv.at ?? r.at;
    if (iv.key === 'fast-interval') {
      ctx.sink.add('warning', at, `${t} is larger than ${iv.key} ${formatDuration(iv.ms)}${iv.note}; degraded backends are probed at most once per timeout`);
    } else {
      semantic(ctx, at, `${t} is larger than ${iv.key} ${formatDuration(iv.ms)}${iv.note}; it must not exceed interval or down-interval`);
    }
  }
  const [interval, fast, down] = intervals;
  return { intervalMs: interval?.ms ?? base, fastIntervalMs: fast?.ms ?? base, downIntervalMs: down?.ms ?? base, timeoutMs: timeout };
}

function checkParamKeys(ctx: CheckCtx, params: readonly RawParam[], type: keyof typeof PARAMS_BY_TYPE): void {
  const valid = PARAMS_BY_TYPE[type];
  for (const p of params) {
    if (valid.includes(p.key)) continue;
    const list = valid.length === 0 ? `${type} checks take no params` : `valid for ${type}: ${valid.join(', ')}`;
    semantic(ctx, p.keyAt, `"${p.key}" is not a parameter of ${type} checks (${list})`);
  }
}

type ParamMap = Map<string, Field<string | number | boolean>>;

function str(params: ParamMap, key: string): Val<string> | undefined {
  const f = params.get(key);
  return f && typeof f.v === 'string' ? (f as Val<string>) : undefined;
}

function bool(params: ParamMap, key: string): boolean {
  return params.get(key)?.v === true;
}

function buildHttpParams(ctx: CheckCtx, params: ParamMap, type: string): HttpParams {
  const path = str(params, 'path');
  if (path && !path.v.startsWith('/')) semantic(ctx, path.at, `path "${path.v}" must start with "/"`);
  const codes = parseResponseCode(ctx, params.get('response-code'));
  const re = str(params, 'response-regexp');
  if (re) {
    try {
      compileResponseRegexp(re.v);
    } catch (e) {
      semantic(ctx, re.at, `response-regexp does not compile: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return {
    path: path?.v ?? '/',
    host: str(params, 'host')?.v || null,
    responseCodeMin: codes.min,
    responseCodeMax: codes.max,
    responseRegexp: re?.v ?? null,
    serverName: type === 'https' ? str(params, 'server-name')?.v || null : null,
    insecureSkipVerify: type === 'https' && bool(params, 'insecure-skip-verify'),
  };
}

function parseResponseCode(ctx: CheckCtx, f: Field<string | number | boolean>): { min: number; max: number } {
  if (!f) return { min: 200, max: 299 };
  const m = typeof f.v === 'number' ? [String(f.v), String(f.v), undefined] : /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(String(f.v));
  if (!m) {
    semantic(ctx, f.at, `response-code "${f.v}" is malformed (use a code such as 200 or a range such as "200-399")`);
    return { min: 200, max: 299 };
  }
  const min = Number(m[1]);
  const max = Number(m[2] ?? m[1]);
  for (const c of [min, max]) {
    if (c < 100 || c > 599) {
      semantic(ctx, f.at, `response-code ${f.v}: ${c} is not an HTTP status (100-599)`);
      return { min, max };
    }
  }
  if (min > max) semantic(ctx, f.at, `response-code ${f.v}: the minimum ${min} is greater than the maximum ${max}`);
  return { min, max };
}

function buildTcpParams(ctx: CheckCtx, params: ParamMap): TcpParams {
  const ssl = bool(params, 'ssl');
  if (!ssl) {
    for (const key of ['server-name', 'insecure-skip-verify']) {
      const f = params.get(key);
      if (f) ctx.sink.add('warning', f.at, `${key} has no effect without "ssl: true"`);
    }
  }
  return { ssl, serverName: str(params, 'server-name')?.v || null, insecureSkipVerify: bool(params, 'insecure-skip-verify') };
}
