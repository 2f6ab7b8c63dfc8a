import type { Logger } from '../log';
import type { ProbeTransport } from './handle-transport';
import { createHttpProber } from './http-prober';
import { createTcpProber } from './tcp-prober';
import { createIcmpProber } from './icmp-prober';
import { createNetnsProberRegistry } from './netns-registry';
import { guardProber, guardRegistry } from './probe-validation';
import { createThreadedProberRegistry } from './thread-registry';
import { findProbeHelper } from './native-helper-path';
import { createNativeProber, NativeProbeHelper } from './native-prober';
import { NATIVE_OFF_RATE, NATIVE_ON_RATE, RateGate } from './rate-gate';
import type { ProberKind, Prober, ProberRegistry } from './types';

export interface ProberRegistryOptions {
  /** Linux network namespace to probe from; '' or undefined = the current one. */
  netns?: string;
  logger?: Logger;
  /** Run probes on this many worker threads (0 or 1: on the calling thread). */
  threads?: number;
  /** With `netns`: the worker command run under `ip netns exec` (default: `defaultWorkerCommand()`). */
  workerCommand?: string[];
  /**
   * How plain http and tcp probes run. 'auto' (default): on the native helper when it is built
   * (`native/build/maglev-probe-helper`, see docs/prober.md) and they run at ≥ 2,000/s (rate-gate.ts), else
   * 'net'. 'native': always the helper, else 'net' with a warning. 'net': a net.Socket per probe. 'handle': bare libuv TCP handles. TLS probes, body
   * regexps and icmp always run in-process.
   */
  transport?: ProbeTransport | 'native' | 'auto';
  /** The native helper binary (default: `findProbeHelper()`). */
  helperPath?: string;
  /** Replaces probers by kind (tests). */
  overrides?: Partial<Record<ProberKind, Prober>>;
}

/** Returns a prober that always answers INTERNAL with `detail` (a kind that cannot run here). */
export function createUnavailableProber(kind: ProberKind, detail: string): Prober {
  return { kind, probe: async () => ({ ok: false, code: 'INTERNAL', detail, durationMs: 0 }) };
}

/** Creates the prober registry: in-process probers, or a worker inside `netns` when one is set. */
export function createProberRegistry(options: ProberRegistryOptions = {}): ProberRegistry {
  if (options.netns) {
    const { netns, logger, workerCommand } = options;
    return createNetnsProberRegistry({ netns, logger, workerCommand });
  }
  if ((options.threads ?? 0) > 1)
    return guardRegistry(
      createThreadedProberRegistry({ threads: options.threads ?? 2, logger: options.logger }),
    );
  const icmp = createIcmpProber();
  const wanted = options.transport ?? 'auto';
  const transport: ProbeTransport = wanted === 'handle' ? 'handle' : 'net';
  const http = guardProber(createHttpProber({ kind: 'http', transport }));
  const tcp = guardProber(createTcpProber({ transport }));
  const helper = wanted === 'native' || wanted === 'auto' ? startHelper(options, wanted) : null;
  const gate = wanted === 'auto' ? new RateGate(NATIVE_ON_RATE, NATIVE_OFF_RATE) : undefined;
  const probers = new Map<ProberKind, Prober>([
    // Guarded: garbage resolves INTERNAL, and a name instead of an IP literal never reaches DNS.
    ['http', helper ? guardProber(createNativeProber(helper, http, gate)) : http],
    ['https', guardProber(createHttpProber({ kind: 'https' }))],
    ['tcp', helper ? guardProber(createNativeProber(helper, tcp, gate)) : tcp],
    ['icmp', icmp],
  ]);
  for (const [kind, p] of Object.entries(options.overrides ?? {})) if (p) probers.set(kind as ProberKind, p);
  return {
    get: (kind) => probers.get(kind) ?? createUnavailableProber(kind, `unknown probe type ${kind}`),
    dispose: async () => {
      await Promise.all([icmp.dispose(), helper?.dispose()]);
    },
  };
}

/** The native helper when it is built; says so in the log either way when it was asked for by name. */
function startHelper(options: ProberRegistryOptions, wanted: 'native' | 'auto'): NativeProbeHelper | null {
  const path = options.helperPath ?? findProbeHelper();
  if (!path) {
    // 'auto' says it at info: probing works, but at a higher CPU cost per probe (docs/prober.md).
    const level = wanted === 'native' ? 'warn' : 'info';
    options.logger?.[level]('probe-helper-missing', { fallback: 'net', hint: 'npm run build:native' });
    return null;
  }
  return new NativeProbeHelper({ path, logger: options.logger });
}
