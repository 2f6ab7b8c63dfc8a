import type { Logger } from '../log';
import type { ProbeTransport } from './handle-transport';
import { createHttpProber } from './http-prober';
import { createTcpProber } from './tcp-prober';
import { createIcmpProber } from './icmp-prober';
import { createNetnsProberRegistry } from './netns-registry';
import { guardProber, guardRegistry } from './probe-validation';
import { createThreadedProberRegistry } from './thread-registry';
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
   * In-process http/tcp probes: 'net' (default, a net.Socket per probe) or 'handle' (bare libuv TCP
   * handles, about half the CPU per probe; see docs/prober.md). TLS probes always use net/tls.
   */
  transport?: ProbeTransport;
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
  const transport = options.transport ?? 'net';
  const probers = new Map<ProberKind, Prober>([
    // Guarded: garbage resolves INTERNAL, and a name instead of an IP literal never reaches DNS.
    ['http', guardProber(createHttpProber({ kind: 'http', transport }))],
    ['https', guardProber(createHttpProber({ kind: 'https' }))],
    ['tcp', guardProber(createTcpProber({ transport }))],
    ['icmp', icmp],
  ]);
  for (const [kind, p] of Object.entries(options.overrides ?? {})) if (p) probers.set(kind as ProberKind, p);
  return {
    get: (kind) => probers.get(kind) ?? createUnavailableProber(kind, `unknown probe type ${kind}`),
    dispose: async () => icmp.dispose(),
  };
}
