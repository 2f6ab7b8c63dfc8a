import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMaglevClient, type MaglevClient, type RemoteEvent } from '../core/grpc';
import { createLogger, NULL_SINK } from '../core/log';
import { createSystemClock } from '../core/util';
import type { Transition } from '../shared/model';
import { startDaemon, type DaemonOptions, type RunningDaemon } from './daemon';
import { createSiteFixture, type SiteFixture } from './testing/site-fixture';

let site: SiteFixture;
let daemon: RunningDaemon | null;

async function start(extra: Partial<DaemonOptions> = {}): Promise<RunningDaemon> {
  const r = await startDaemon({
    configPath: site.configPath,
    grpcAddr: '127.0.0.1:0',
    logSink: NULL_SINK,
    ...extra,
  });
  if (!r.ok) throw new Error(r.error.message);
  daemon = r.daemon;
  return daemon;
}

beforeEach(async () => {
  daemon = null;
  site = await createSiteFixture();
});

afterEach(async () => {
  await daemon?.stop();
  await site.close();
});

describe('a remote client of the real daemon', () => {
  it('follows a daemon restart on the same port without losing or doubling transitions', async () => {
    const first = await start();
    const port = first.port;
    const remote = createMaglevClient({
      address: first.address,
      clock: createSystemClock(),
      random: () => 0.5,
      logger: createLogger('remote.test', NULL_SINK),
      keepaliveMs: 1000,
      keepaliveTimeoutMs: 1000,
      deadlineMs: 3000,
      backoff: { initialMs: 20, maxMs: 200 },
    });
    const events: RemoteEvent[] = [];
    remote.subscribe((e) => events.push(e));
    try {
      await until(
        remote,
        () => remote.status().state === 'ready' && remote.getBackend('web-a')?.state === 'up',
      );
      const before = remote.getBackend('web-a')!.transitions;
      await first.stop();
      daemon = null;
      await until(remote, () => remote.status().state !== 'ready');
      await start({ grpcAddr: `127.0.0.1:${port}` });
      // The new incarnation starts web-a over: unknown → up at a new time.
      await until(
        remote,
        () =>
          remote.status().state === 'ready' && remote.getBackend('web-a')!.transitions.length > before.length,
      );
      const after = remote.getBackend('web-a')!.transitions;
      const key = (t: { atMs: number; from: string; to: string; code: string }): string =>
        `${t.atMs}|${t.from}|${t.to}|${t.code}`;
      expect(new Set(after.map(key)).size).toBe(after.length);
      for (const t of before) expect(after.map(key)).toContain(key(t));
      const emitted = events
        .filter((e) => e.type === 'backend' && e.backend === 'web-a')
        .map((e) => key((e as { transition: Transition }).transition));
      expect(new Set(emitted).size).toBe(emitted.length);
    } finally {
      await remote.close();
    }
  });
});

/** Resolves once `ok()` holds, re-checking on every event of the client (no timers). */
function until(remote: MaglevClient, ok: () => boolean): Promise<void> {
  if (ok()) return Promise.resolve();
  return new Promise((resolve) => {
    const off = remote.subscribe(() => {
      if (!ok()) return;
      off();
      resolve();
    });
  });
}
