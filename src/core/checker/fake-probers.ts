// Test-only helper: a ProberRegistry whose probes the test resolves by hand.
import type { ProbeCode } from '../../shared/model';
import type { ProbeOptions, ProbeOutcome, Prober, ProberKind, ProberRegistry, ProbeTarget } from '../prober';

/** One probe call, waiting for the test to resolve it. */
export interface FakeProbe {
  readonly target: ProbeTarget;
  readonly options: ProbeOptions;
  readonly startedAt: number;
  readonly settled: boolean;
  readonly aborted: boolean;
  resolve(outcome: ProbeOutcome): void;
  pass(detail?: string): void;
  fail(code?: ProbeCode, detail?: string): void;
}

/** A ProberRegistry that records probes and lets the test answer them. */
export interface FakeProberRegistry extends ProberRegistry {
  /** Every probe ever started, oldest first. */
  readonly probes: FakeProbe[];
  /** Unsettled probes, optionally of one address. */
  pending(address?: string): FakeProbe[];
  /** Probes ever started for an address. */
  calls(address: string): number;
  /** When set, each probe is answered at once (in a microtask) with what it returns. */
  autoRespond: ((target: ProbeTarget) => ProbeOutcome | undefined) | null;
  /** When true, probes ignore their abort signal (a misbehaving prober). */
  ignoreAbort: boolean;
  readonly disposed: boolean;
}

const OK_CODE: Record<ProberKind, ProbeCode> = { http: 'L7OK', https: 'L7OK', tcp: 'L4OK', icmp: 'ICMPOK' };

/** Creates a fake prober registry on the given clock (for `startedAt`). */
export function createFakeProberRegistry(now: () => number): FakeProberRegistry {
  const probes: FakeProbe[] = [];
  let disposed = false;
  const reg: FakeProberRegistry = {
    probes,
    autoRespond: null,
    ignoreAbort: false,
    get disposed() {
      return disposed;
    },
    pending: (address) => probes.filter((p) => !p.settled && (address === undefined || p.target.address === address)),
    calls: (address) => probes.filter((p) => p.target.address === address).length,
    get(kind) {
      const prober: Prober = { kind, probe: (target, options) => start(target, options) };
      return prober;
    },
    async dispose() {
      disposed = true;
    },
  };

  function start(target: ProbeTarget, options: ProbeOptions): Promise<ProbeOutcome> {
    return new Promise<ProbeOutcome>((resolvePromise) => {
      let settled = false;
      let aborted = false;
      const startedAt = now();
      const onAbort = (): void => {
        aborted = true;
        if (!reg.ignoreAbort) resolve({ ok: false, code: 'L4TOUT', detail: 'aborted', durationMs: now() - startedAt });
      };
      // Like a real prober: the listener goes when the probe settles (the checker reuses signals).
      const resolve = (o: ProbeOutcome): void => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        resolvePromise(o);
      };
      const probe: FakeProbe = {
        target,
        options,
        startedAt,
        get settled() {
          return settled;
        },
        get aborted() {
          return aborted;
        },
        resolve,
        pass: (detail = 'ok') => resolve({ ok: true, code: OK_CODE[target.kind], detail, durationMs: now() - startedAt }),
        fail: (code = 'L7STS', detail = 'HTTP 503') => resolve({ ok: false, code, detail, durationMs: now() - startedAt }),
      };
      probes.push(probe);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const auto = reg.autoRespond?.(target);
      if (auto) queueMicrotask(() => resolve(auto));
    });
  }
  return reg;
}
