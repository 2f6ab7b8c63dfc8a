// Test-only: comparing a remote client's transition history with what the daemon itself reports.
import { nsToMs } from '../../../src/core/grpc';
import type { Transition } from '../../../src/shared/model';
import type { RawClient, Wire } from '../../support/grpc/raw-client';

/** Identity of a transition, every field included (detail too: it must survive the wire intact). */
export function transitionKey(t: Transition): string {
  return `${t.atMs}|${t.from}|${t.to}|${t.code}|${t.detail}`;
}

/**
 * Reads a backend's transitions from the daemon with the proto-only client (none of the project's
 * client code), newest first, converted with the same ns → ms rule as the wire mapping.
 */
export async function daemonTransitions(raw: RawClient, backend: string): Promise<Transition[]> {
  const r = await raw.call('GetBackend', { name: backend }, 5000);
  if (!r.ok) throw new Error(`GetBackend ${backend}: ${r.code} ${r.details}`);
  const list = (r.value['transitions'] ?? []) as Wire[];
  return list.map((t) => ({
    from: t['from'] as Transition['from'],
    to: t['to'] as Transition['to'],
    atMs: nsToMs(t['at_ns'] as string),
    code: t['code'] as string,
    detail: t['detail'] as string,
  }));
}

/**
 * Where the daemon's list sits inside the client's as one contiguous run (both newest first), or
 * -1. Contiguity is the point: a transition lost between two the client has, or one doubled, breaks it.
 */
export function indexOfRun(client: readonly Transition[], daemon: readonly Transition[]): number {
  if (daemon.length === 0) return 0;
  const keys = client.map(transitionKey);
  const at = keys.indexOf(transitionKey(daemon[0]!));
  if (at < 0 || at + daemon.length > keys.length) return -1;
  return daemon.every((t, i) => keys[at + i] === transitionKey(t)) ? at : -1;
}

/** Keys that appear more than once. */
export function duplicates(list: readonly Transition[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const k of list.map(transitionKey)) {
    if (seen.has(k)) dup.push(k);
    seen.add(k);
  }
  return dup;
}

/** True when times never increase along the list (newest first). */
export function isNewestFirst(list: readonly Transition[]): boolean {
  return list.every((t, i) => i === 0 || t.atMs <= list[i - 1]!.atMs);
}
