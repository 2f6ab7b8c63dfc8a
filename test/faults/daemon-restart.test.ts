// Fault 1: the daemon is SIGKILLed while a remote client watches flapping backends, then restarted on
// the same port. The client must come back by itself (ready + resync) with a history in which
// nothing is lost and nothing is doubled.
//
// What is comparable: a SIGKILLed daemon takes its memory with it, and the new process starts every
// backend over (`unknown`, empty history). So:
//  * before the kill, every transition the daemon reported (GetBackend: its newest `transition-history`)
//    must reach the client as one contiguous run, and the client must keep it after the restart, in
//    order, next to everything else it saw (it keeps far more than the daemon's cap);
//  * after the restart, the client's newest N transitions must equal the new daemon's N exactly;
//  * every transition the client announced to its subscribers was announced once, and the announced
//    set plus the initial load (the first resync, which is not announced one by one) equals the
//    client's history (no phantom, no silent one).
// The daemon's cap is small (6) and each phase waits for more transitions than the cap, so the
// comparisons cover histories longer than the daemon keeps.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawClient, type RawClient } from '../support/grpc/raw-client';
import { startDaemonChild, type DaemonChild } from './support/daemon-child';
import { flappingSiteYaml, startFlappingBackend, type FlappingBackend } from './support/flapping-backend';
import { startRemoteRecorder, type RemoteRecorder } from './support/remote-recorder';
import { clientHoldsRun, expectCleanHistory, settledTransitions } from './support/history-checks';
import { daemonTransitions } from './support/transitions';
import { waitUntil } from './support/wait';

const CAP = 6;
const BACKENDS = 4;
const names = Array.from({ length: BACKENDS }, (_, i) => `b${i}`);

let dir = '';
let backends: FlappingBackend[] = [];
let daemon: DaemonChild | null = null;
let remote: RemoteRecorder | null = null;
let raw: RawClient | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maglev-faults-restart-'));
  backends = await Promise.all(names.map(() => startFlappingBackend()));
});

afterAll(async () => {
  await remote?.client.close();
  raw?.close();
  await daemon?.kill('SIGKILL');
  await Promise.all(backends.map((b) => b.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('daemon SIGKILL and restart under a watching client', () => {
  it('resyncs by itself; nothing lost, nothing doubled', async () => {
    const configPath = join(dir, 'maglev.yaml');
    writeFileSync(configPath, flappingSiteYaml({ address: '127.0.0.1', ports: backends.map((b) => b.port), intervalMs: 100, transitionHistory: CAP }));
    daemon = await startDaemonChild({ configPath, grpcAddr: '127.0.0.1:0' });
    const port = daemon.port;
    raw = createRawClient(daemon.address);
    const r = startRemoteRecorder(daemon.address, {
      historyLimit: 100_000,
      keepaliveMs: 1000,
      keepaliveTimeoutMs: 1000,
      deadlineMs: 3000,
      backoff: { initialMs: 50, maxMs: 250 },
    });
    remote = r;
    const ready = (): boolean => r.client.status().state === 'ready';

    // Incarnation 1: the client follows past the daemon's cap; what the daemon reports reaches it whole.
    await waitUntil(r.onEvent, () => ready() && names.every((b) => r.history(b).length >= 2 * CAP), 'client to follow 2×cap transitions per backend');
    for (const b of names) {
      const s1 = await daemonTransitions(raw, b);
      expect(s1).toHaveLength(CAP);
      await clientHoldsRun(r, b, s1, 'before the kill');
    }

    // SIGKILL: no stream end, no goodbye; the client finds out from the dead connection.
    await daemon.kill('SIGKILL');
    await waitUntil(r.onEvent, () => !ready(), 'client to notice the dead daemon');
    const seenBefore = new Map(names.map((b) => [b, r.history(b)]));
    const killedAtMs = Date.now();
    const resyncsBefore = r.resyncs;

    daemon = await startDaemonChild({ configPath, grpcAddr: `127.0.0.1:${port}` });
    raw.close();
    raw = createRawClient(daemon.address);
    await waitUntil(r.onEvent, () => ready() && r.resyncs > resyncsBefore, 'client ready and resynced after the restart');
    // Transitions of the new process made before the client was back come with the resync.
    for (const b of names) await clientHoldsRun(r, b, await daemonTransitions(raw, b), 'right after the resync');
    const fresh = (b: string): number => r.history(b).filter((t) => t.atMs > killedAtMs).length;
    await waitUntil(r.onEvent, () => names.every((b) => fresh(b) >= CAP + 2), 'cap+2 transitions of the new process per backend');

    // Hold every backend up, so that the daemon's last N stop moving, then compare them exactly.
    for (const b of backends) b.hold();
    for (const b of names) {
      const last = await settledTransitions(r, raw, b, () => backends[names.indexOf(b)]!.answered(2));
      const h = r.history(b);
      expect(h.slice(0, last.length)).toEqual(last);
      expect(last[0]?.to).toBe('up');
      // The new process knows nothing of the old one's transitions; the client still has them all, in order.
      const before = seenBefore.get(b) ?? [];
      expect(before.length).toBeGreaterThanOrEqual(2 * CAP);
      expect(last.every((t) => t.atMs > killedAtMs)).toBe(true);
      expect(h.slice(h.length - before.length)).toEqual(before);
      expectCleanHistory(r, b);
    }
    expect(r.client.status().state).toBe('ready');
  });
});
