// Input checks shared by every prober entry point: a probe never throws or rejects on garbage, and a
// target that is not an IP literal never reaches net.connect (which would resolve it through DNS).
import { isIP } from 'node:net';
import type { ProbeOptions, ProbeOutcome, Prober, ProberKind, ProberRegistry, ProbeTarget } from './types';

const KINDS: ReadonlySet<unknown> = new Set(['http', 'https', 'tcp', 'icmp']);

/** Says what is wrong with a target, or null when a prober can run it. */
export function describeInvalidTarget(t: unknown): string | null {
  if (typeof t !== 'object' || t === null) return 'no target';
  const x = t as Partial<Record<keyof ProbeTarget, unknown>>;
  if (!KINDS.has(x.kind)) return `kind ${String(x.kind)}`;
  if (typeof x.address !== 'string' || isIP(x.address) === 0) return `address ${String(x.address)} is not an IP literal`;
  if (x.family !== 4 && x.family !== 6) return `family ${String(x.family)}`;
  if (isIP(x.address) !== x.family) return `address ${x.address} is not IPv${x.family}`;
  if (!Number.isInteger(x.port) || (x.port as number) < 0 || (x.port as number) > 65535) return `port ${String(x.port)}`;
  if (x.sourceAddress !== null && x.sourceAddress !== undefined && (typeof x.sourceAddress !== 'string' || isIP(x.sourceAddress) === 0))
    return `source address ${String(x.sourceAddress)} is not an IP literal`;
  if ((x.kind === 'http' || x.kind === 'https') && (typeof x.http !== 'object' || x.http === null)) return 'http parameters missing';
  const re = (x.http as { regexp?: unknown } | null | undefined)?.regexp;
  if (re !== undefined && re !== null && !(re instanceof RegExp)) return 'regexp is not a RegExp';
  return null;
}

/** Says what is wrong with probe options (a positive, finite timeout is required), or null. */
function describeInvalidOptions(options: unknown): string | null {
  const timeoutMs = (options as Partial<ProbeOptions> | null | undefined)?.timeoutMs;
  return typeof timeoutMs === 'number' && timeoutMs > 0 && Number.isFinite(timeoutMs) ? null : `timeout ${String(timeoutMs)}`;
}

/** Says what is wrong with a probe request (target and options), or null when it can run. */
export function describeInvalidProbe(t: unknown, options: unknown): string | null {
  return describeInvalidOptions(options) ?? describeInvalidTarget(t);
}

/** Builds the INTERNAL outcome of a probe request that could not run. */
export function invalidProbe(reason: string): ProbeOutcome {
  return { ok: false, code: 'INTERNAL', detail: `invalid probe: ${reason}`, durationMs: 0 };
}

/**
 * Wraps a prober so that garbage input resolves INTERNAL instead of throwing, rejecting or reaching DNS.
 * A target's verdict is cached per target object (targets are immutable), so a valid probe costs one
 * WeakMap lookup and a few comparisons.
 */
export function guardProber(inner: Prober): Prober {
  const checked = new WeakMap<object, string | null>();
  return {
    kind: inner.kind,
    probe(target, options) {
      let reason = describeInvalidOptions(options);
      if (reason === null) {
        if (typeof target !== 'object' || target === null) reason = 'no target';
        else {
          const cached = checked.get(target);
          if (cached === undefined) checked.set(target, (reason = describeInvalidTarget(target)));
          else reason = cached;
        }
      }
      if (reason !== null) return Promise.resolve(invalidProbe(reason));
      try {
        return inner.probe(target, options);
      } catch (e) {
        return Promise.resolve(invalidProbe((e as Error).message));
      }
    },
  };
}

/** Wraps every prober a registry hands out with `guardProber` (one wrapper per kind). */
export function guardRegistry(inner: ProberRegistry): ProberRegistry {
  const guarded = new Map<ProberKind, Prober>();
  return {
    get(kind) {
      let p = guarded.get(kind);
      if (!p) {
        const found = inner.get(kind) as Prober | undefined;
        p = found ? guardProber(found) : { kind, probe: () => Promise.resolve(invalidProbe(`kind ${String(kind)}`)) };
        guarded.set(kind, p);
      }
      return p;
    },
    dispose: () => inner.dispose(),
  };
}
