import { compileResponseRegexp } from '../config';
import type { BackendConfig, HealthCheckConfig, HealthCheckerSettings } from '../config';
import type { ProbeTarget } from '../prober';

/** Compiles each body regexp once and shares it between every backend of the check. */
export interface RegexpCache {
  get(source: string): RegExp;
  /** Forgets sources no longer used (called after a reload). */
  retain(sources: Iterable<string>): void;
}

/**
 * Creates the regexp cache. Sources are RE2 syntax (the config's), translated by the config module;
 * one that does not compile yields a never-matching regexp.
 */
export function createRegexpCache(onInvalid: (source: string, error: unknown) => void): RegexpCache {
  const cache = new Map<string, RegExp>();
  return {
    get(source) {
      let re = cache.get(source);
      if (!re) {
        try {
          re = compileResponseRegexp(source);
        } catch (e) {
          // The validator rejects such configs; if one slips through, the check fails (L7BODY)
          // rather than passing without its regexp.
          onInvalid(source, e);
          re = /(?!)/;
        }
        cache.set(source, re);
      }
      return re;
    },
    retain(sources) {
      const keep = new Set(sources);
      for (const k of cache.keys()) if (!keep.has(k)) cache.delete(k);
    },
  };
}

/** Formats an address for a Host header: IPv6 literals need brackets (RFC 9110 §7.2). */
export function hostHeaderFor(address: string, family: 4 | 6): string {
  return family === 6 ? `[${address}]` : address;
}

/** Resolves what a prober needs for one backend from the config (built once per worker start). */
export function resolveProbeTarget(
  backend: BackendConfig,
  hc: HealthCheckConfig,
  settings: HealthCheckerSettings,
  regexps: RegexpCache,
): ProbeTarget {
  const src = backend.family === 4 ? settings.probeIpv4Src : settings.probeIpv6Src;
  const http = hc.http;
  return {
    kind: hc.type,
    address: backend.address,
    family: backend.family,
    port: hc.type === 'icmp' ? 0 : hc.port,
    sourceAddress: src === '' ? null : src,
    http:
      http && (hc.type === 'http' || hc.type === 'https')
        ? {
            path: http.path,
            host: http.host ?? hostHeaderFor(backend.address, backend.family),
            codeMin: http.responseCodeMin,
            codeMax: http.responseCodeMax,
            regexp: http.responseRegexp === null ? null : regexps.get(http.responseRegexp),
            // SNI only for https: the configured name, else the configured host; never an address.
            serverName: hc.type === 'https' ? (http.serverName ?? http.host) : null,
            insecureSkipVerify: http.insecureSkipVerify,
          }
        : null,
    tcp:
      hc.tcp && hc.type === 'tcp'
        ? { ssl: hc.tcp.ssl, serverName: hc.tcp.serverName, insecureSkipVerify: hc.tcp.insecureSkipVerify }
        : null,
  };
}
