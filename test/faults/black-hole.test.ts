// Fault 2: the daemon becomes a black hole (every packet of its gRPC port dropped, both ways: no RST,
// no FIN) while a remote client watches. The client's keepalive must notice within 2× its keepalive
// interval, the client must show `offline` (while still serving its last snapshot), and once packets
// flow again it must come back by itself and learn what it missed.
//
// The daemon runs in a network namespace made here, reached over a veth pair; iptables DROP rules in
// that namespace make the black hole (this kernel has no netem). Root, `ip` and `iptables` are needed:
// without them the test is skipped with the reason (see docs/faults.md).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawClient, type RawClient } from '../support/grpc/raw-client';
import { startDaemonChild, type DaemonChild } from './support/daemon-child';
import { flappingSiteYaml, startFlappingBackend, type FlappingBackend } from './support/flapping-backend';
import { expectCleanHistory, settledTransitions } from './support/history-checks';
import { createNetnsLab, netnsLabBlocker, type NetnsLab } from './support/netns-lab';
import { startRemoteRecorder, type RemoteRecorder } from './support/remote-recorder';
import { anyOf, waitUntil } from './support/wait';

/** Keepalive ping interval and ack timeout of the client: detection takes at most their sum (2.5 s). */
const KEEPALIVE_MS = 2000;
const KEEPALIVE_TIMEOUT_MS = 500;
const names = ['b0', 'b1'];

const blocker = netnsLabBlocker();
if (blocker) console.warn(`[faults] black-hole test SKIPPED: ${blocker}`);

let lab: NetnsLab | null = null;
let dir = '';
let backends: FlappingBackend[] = [];
let daemon: DaemonChild | null = null;
let remote: RemoteRecorder | null = null;
let raw: RawClient | null = null;

describe.skipIf(blocker !== null)('black-holed daemon', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'maglev-faults-blackhole-'));
    lab = createNetnsLab();
    const hostAddress = lab.hostAddress;
    backends = await Promise.all(names.map(() => startFlappingBackend(hostAddress)));
  });

  afterAll(async () => {
    await remote?.client.close();
    raw?.close();
    await daemon?.kill('SIGKILL');
    lab?.destroy();
    await Promise.all(backends.map((b) => b.close()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keepalive notices within 2× its interval, shows offline, and recovers by itself', async () => {
    const l = lab as NetnsLab;
    const configPath = join(dir, 'maglev.yaml');
    writeFileSync(configPath, flappingSiteYaml({ address: l.hostAddress, ports: backends.map((b) => b.port), intervalMs: 200, transitionHistory: 6 }));
    daemon = await startDaemonChild({ configPath, grpcAddr: `${l.nsAddress}:0`, wrapper: l.wrapper });
    const port = daemon.port;
    const r = startRemoteRecorder(daemon.address, {
      historyLimit: 10_000,
      keepaliveMs: KEEPALIVE_MS,
      keepaliveTimeoutMs: KEEPALIVE_TIMEOUT_MS,
      deadlineMs: 1000,
      backoff: { initialMs: 100, maxMs: 400 },
    });
    remote = r;
    const state = (): string => r.client.status().state;
    await waitUntil(r.onEvent, () => state() === 'ready' && names.every((b) => r.history(b).length >= 3), 'client ready with 3 transitions per backend');

    const statusesBefore = r.statuses.length;
    const droppedAt = performance.now();
    l.blackHole(port);
    await waitUntil(r.onEvent, () => state() !== 'ready', 'client to notice the black hole', 10_000);
    const noticed = r.statuses.slice(statusesBefore).find((s) => s.state !== 'ready');
    // Ping after at most KEEPALIVE_MS, unanswered after KEEPALIVE_TIMEOUT_MS more: 2.5 s worst case,
    // asserted against the 4 s bound; the 1.5 s between absorbs timer lateness on a busy shared machine
    // (a load average of 10 on 2 cores was seen while writing this test).
    expect(noticed!.atMs - droppedAt).toBeLessThanOrEqual(2 * KEEPALIVE_MS);
    await waitUntil(r.onEvent, () => state() === 'offline', 'client to show offline', 10_000);
    // Offline, it still serves the last snapshot.
    expect(r.client.listBackends()).toEqual(names);
    expect(r.history('b0').length).toBeGreaterThanOrEqual(3);

    // The daemon keeps probing behind the black hole: let it make transitions the client cannot see.
    const seen = backends.map((b) => b.requests);
    await waitUntil(anyOf(...backends.map((b) => b.onRequest)), () => backends.every((b, i) => b.requests >= (seen[i] ?? 0) + 4), 'probes behind the black hole');
    const resyncsBefore = r.resyncs;
    const announcedBefore = names.map((b) => r.announced.get(b)?.length ?? 0);
    l.restore(port);
    await waitUntil(r.onEvent, () => state() === 'ready' && r.resyncs > resyncsBefore, 'client back and resynced', 15_000);
    // What it missed was learned from the resync and announced.
    names.forEach((b, i) => expect(r.announced.get(b)?.length ?? 0).toBeGreaterThan(announcedBefore[i] ?? 0));

    for (const b of backends) b.hold();
    raw = createRawClient(daemon.address);
    for (const b of names) {
      const last = await settledTransitions(r, raw, b, () => backends[names.indexOf(b)]!.answered(2));
      expect(r.history(b).slice(0, last.length)).toEqual(last);
      expectCleanHistory(r, b);
    }
  });
});
