// Test-only: the history assertions shared by the restart and black-hole tests.
import { expect } from 'vitest';
import type { Transition } from '../../../src/shared/model';
import type { RawClient } from '../../support/grpc/raw-client';
import type { RemoteRecorder } from './remote-recorder';
import { daemonTransitions, duplicates, indexOfRun, isNewestFirst, transitionKey } from './transitions';
import { waitUntil } from './wait';

/** Waits until the daemon's list for `backend` sits in the client's history as one contiguous run. */
export async function clientHoldsRun(
  r: RemoteRecorder,
  backend: string,
  daemonList: Transition[],
  what: string,
): Promise<void> {
  await waitUntil(
    r.onEvent,
    () => indexOfRun(r.history(backend), daemonList) >= 0,
    () =>
      `${what}: ${backend}'s daemon transitions as one run in the client\n daemon: ${daemonList.map(transitionKey).join('\n  ')}\n client: ${r
        .history(backend)
        .slice(0, 20)
        .map(transitionKey)
        .join('\n  ')}`,
  );
}

/**
 * The daemon's transitions of `backend` once it is held up and settled: the client has caught up with
 * them, the newest is `up`, and it stays the newest over two more probes (`probedTwice` resolves once
 * the backend has answered two more requests). On a busy machine a held backend can still time out
 * once (a 100 ms timeout is short) and be `down` until its next probe: that is not settled yet.
 */
export async function settledTransitions(
  r: RemoteRecorder,
  raw: RawClient,
  backend: string,
  probedTwice: () => Promise<void>,
): Promise<Transition[]> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const s = await daemonTransitions(raw, backend);
    await clientHoldsRun(r, backend, s, 'after holding the backends up');
    await probedTwice();
    const again = await daemonTransitions(raw, backend);
    const same =
      s[0] !== undefined && again[0] !== undefined && transitionKey(s[0]) === transitionKey(again[0]);
    if (same && s[0]?.to === 'up' && indexOfRun(r.history(backend), s) === 0) return s;
    // Still moving: let the client catch up with the newer list, then look again.
    await clientHoldsRun(r, backend, again, 'while the backend settles');
  }
  throw new Error(`${backend} kept changing after its backend was held up`);
}

/**
 * The client's whole history of `backend`: no doubles, newest first, and — with the initial load (the
 * first resync, not announced one by one) — exactly what it announced to subscribers, each once.
 */
export function expectCleanHistory(r: RemoteRecorder, backend: string): void {
  const h = r.history(backend);
  expect(duplicates(h)).toEqual([]);
  expect(isNewestFirst(h)).toBe(true);
  const announced = (r.announced.get(backend) ?? []).map(transitionKey);
  const initial = (r.initial.get(backend) ?? []).map(transitionKey);
  expect(announced.length).toBe(new Set(announced).size);
  expect(announced.filter((k) => initial.includes(k))).toEqual([]);
  expect(new Set([...initial, ...announced])).toEqual(new Set(h.map(transitionKey)));
}
