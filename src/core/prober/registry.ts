import type { Logger } from '../log';
import { createHttpProber } from './http-prober';
import { createTcpProber } from './tcp-prober';
import { createIcmpProber } from './icmp-prober';
import type { ProberKind, Prober, ProberRegistry } from './types';

export interface ProberRegistryOptions {
  /** Linux network namespace to probe from; '' or undefined = the current one. */
  netns?: string;
  logger?: Logger;
  /** Replaces probers by kind (ICMP and netns plug in here). */
  overrides?: Partial<Record<ProberKind, Prober>>;
}

/** Returns a prober that always answers INTERNAL with `detail` (a kind that cannot run here). */
export function createUnavailableProber(kind: ProberKind, detail: string): Prober {
  return { kind, probe: async () => ({ ok: false, code: 'INTERNAL', detail, durationMs: 0 }) };
}

/** Creates the in-process prober registry (http, https, tcp; icmp when provided). */
export function createProberRegistry(options: ProberRegistryOptions = {}): ProberRegistry {
  const icmp = createIcmpProber();
  const probers = new Map<ProberKind, Prober>([
    ['http', createHttpProber('http')],
    ['https', createHttpProber('https')],
    ['tcp', createTcpProber()],
    ['icmp', icmp],
  ]);
  for (const [kind, p] of Object.entries(options.overrides ?? {})) if (p) probers.set(kind as ProberKind, p);
  if (options.netns) {
    options.logger?.error('netns-unsupported', { netns: options.netns, reason: 'netns worker not available in this build' });
    for (const kind of probers.keys()) probers.set(kind, createUnavailableProber(kind, `netns ${options.netns}: probing in a namespace is not available in this build`));
  }
  return {
    get: (kind) => probers.get(kind) ?? createUnavailableProber(kind, `unknown probe type ${kind}`),
    dispose: async () => icmp.dispose(),
  };
}
