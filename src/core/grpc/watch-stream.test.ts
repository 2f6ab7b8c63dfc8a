import * as grpc from '@grpc/grpc-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeDaemon, type FakeDaemon } from './testing/fake-daemon';
import {
  createRawClient,
  takeEvents,
  type RawClient,
  type Wire,
} from '../../../test/support/grpc/raw-client';
import { nsToMs } from './nanos';
import { sampleSite, T0 } from './testing/sample-site';

let daemon: FakeDaemon;
let client: RawClient;

async function start(watchCapacity?: number, watchQueueBytes?: number): Promise<void> {
  daemon = await startFakeDaemon({ watchCapacity, watchQueueBytes });
  client = createRawClient(daemon.address);
}

afterEach(async () => {
  client.close();
  await daemon.stop();
});

/** Cancels a client stream; the CANCELLED status it then reports is expected. */
function cancel(stream: grpc.ClientReadableStream<Wire>): void {
  stream.on('error', () => {});
  stream.cancel();
}

describe('WatchEvents', () => {
  beforeEach(() => start());

  it('sends synthetic frontend events first, then backend, frontend and info logs in emit order', async () => {
    const stream = client.watch({});
    const first = await takeEvents(stream, 2);
    expect(
      first.map((e) => [
        e.event,
        (e.frontend as Wire).frontend,
        (e.frontend as Wire).from,
        (e.frontend as Wire).to,
      ]),
    ).toEqual([
      ['frontend', 'www', 'up', 'up'],
      ['frontend', 'db', 'down', 'down'],
    ]);
    const rest = takeEvents(stream, 3);
    daemon.checker.emit({ type: 'log', record: { atMs: T0, level: 'debug', msg: 'probe-start', attrs: {} } });
    daemon.checker.transition('db-a', 'up', 'L4OK', T0 + 5);
    daemon.checker.emit({
      type: 'log',
      record: { atMs: T0, level: 'info', msg: 'hello', attrs: { a: 'b' } },
    });
    daemon.checker.emit({ type: 'frontend', frontend: 'db', from: 'down', to: 'up', atMs: T0 + 6 });
    const got = await rest;
    cancel(stream);
    expect(got.map((e) => e.event)).toEqual(['backend', 'log', 'frontend']);
    expect(got[0]!.backend).toMatchObject({
      backend: 'db-a',
      transition: { from: 'down', to: 'up', code: 'L4OK' },
      info: { state: 'up' },
    });
    expect(got[1]!.log).toMatchObject({ level: 'info', msg: 'hello', attrs: { a: 'b' } });
  });

  it('honours filters and the per-subscriber log level', async () => {
    const logs = client.watch({ log: true, log_level: 'debug' });
    const backendsOnly = client.watch({ backend: true });
    await vi.waitFor(() => expect(daemon.checker.subscriberCount()).toBe(2));
    const gotLogs = takeEvents(logs, 1);
    const gotBackends = takeEvents(backendsOnly, 1);
    daemon.checker.emit({ type: 'frontend', frontend: 'db', from: 'down', to: 'up', atMs: T0 });
    daemon.checker.emit({
      type: 'log',
      record: { atMs: T0, level: 'debug', msg: 'probe-done', attrs: { backend: 'web-a' } },
    });
    daemon.checker.transition('web-a', 'down', 'L7STS', T0 + 1);
    expect((await gotLogs).map((e) => (e.log as Wire).msg)).toEqual(['probe-done']);
    expect((await gotBackends).map((e) => e.event)).toEqual(['backend']);
    cancel(logs);
    cancel(backendsOnly);
  });

  it('rejects an unknown log level', async () => {
    const stream = client.watch({ log_level: 'loud' });
    await expect(takeEvents(stream, 1)).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
  });

  it('closes the subscription when the client cancels, and ends streams on shutdown', async () => {
    const a = client.watch({ backend: true });
    const b = client.watch({ backend: true });
    await vi.waitFor(() => expect(daemon.checker.subscriberCount()).toBe(2));
    a.on('error', () => {});
    a.cancel();
    await vi.waitFor(() => expect(daemon.checker.subscriberCount()).toBe(1));
    const ended = new Promise<grpc.StatusObject>((resolve) => b.on('status', resolve));
    b.on('data', () => {});
    expect(daemon.service.endStreams()).toBe(1);
    expect((await ended).code).toBe(grpc.status.OK);
    expect(daemon.checker.subscriberCount()).toBe(0);
  });
});

describe('WatchEvents flow control', () => {
  beforeEach(() => start(64));

  it('drops events for a stalled reader, never blocks, and reports the count when caught up', async () => {
    const stream = client.watch({ backend: true });
    await vi.waitFor(() => expect(daemon.checker.subscriberCount()).toBe(1));
    stream.pause();
    const TOTAL = 4000;
    const detail = 'x'.repeat(400);
    for (let i = 0; i < TOTAL; i += 40) {
      for (let j = 0; j < 40; j++) {
        const b = sampleSite().backends[0]!;
        daemon.checker.emit({
          type: 'backend',
          backend: 'web-a',
          transition: { from: 'up', to: 'down', atMs: T0 + i + j, code: 'L7STS', detail },
          info: b,
        });
      }
      await new Promise((r) => setImmediate(r));
    }
    let backendEvents = 0;
    let dropped = 0;
    const done = new Promise<void>((resolve) => {
      stream.on('data', (e: Wire) => {
        if (e.event === 'backend') backendEvents++;
        else if ((e.log as Wire | undefined)?.msg === 'events-dropped')
          dropped += Number(((e.log as Wire).attrs as Wire).count);
        if (backendEvents + dropped === TOTAL) resolve();
      });
    });
    stream.resume();
    await done;
    cancel(stream);
    expect(dropped).toBeGreaterThan(0);
    expect(backendEvents).toBeGreaterThan(0);
  });
});

describe('WatchEvents fan-out', () => {
  beforeEach(() => start(undefined, 64 * 1024));

  it('a stalled stream loses events alone: every reader gets every event in order, without a drop notice', async () => {
    const stalled = client.watch({ backend: true });
    const readers = [0, 1, 2].map(() => client.watch({ backend: true }));
    await vi.waitFor(() => expect(daemon.checker.subscriberCount()).toBe(4));
    const TOTAL = 3000;
    const BURST = 100;
    const got = readers.map(() => [] as number[]);
    const notices: string[] = [];
    let progress = (): void => {};
    readers.forEach((r, i) =>
      r.on('data', (e: Wire) => {
        const t = (e.backend as Wire | undefined)?.transition as Wire | undefined;
        if (t) got[i]!.push(nsToMs(t.at_ns as string) - T0);
        else notices.push(JSON.stringify(e));
        progress();
      }),
    );
    const detail = 'x'.repeat(400);
    const info = sampleSite().backends[0]!;
    const emit = (j: number): void =>
      daemon.checker.emit({
        type: 'backend',
        backend: 'web-a',
        transition: { from: 'up', to: 'down', atMs: T0 + j, code: 'L7STS', detail },
        info,
      });
    // The stalled client reads one event, then stops. (A grpc-js stream paused before its first
    // message never applies backpressure: grpc-js buffers everything for it, unbounded.)
    const stalledFirst = new Promise<void>((resolve) =>
      stalled.once('data', () => {
        stalled.pause();
        resolve();
      }),
    );
    emit(-1);
    await stalledFirst;
    for (let i = 0; i < TOTAL; i += BURST) {
      // Each burst goes out once the readers have the previous one: the stalled stream keeps
      // filling (its HTTP/2 window, the 256 KiB in flight, then its 64 KiB queue) meanwhile.
      const caughtUp = new Promise<void>((resolve) => {
        progress = () => got.every((g) => g.length >= i + BURST + 1) && resolve();
      });
      for (let j = i; j < i + BURST; j++) emit(j);
      await caughtUp;
    }
    const want = Array.from({ length: TOTAL + 1 }, (_, j) => j - 1);
    for (const g of got) expect(g).toEqual(want);
    expect(notices).toEqual([]);

    let events = 0;
    let dropped = 0;
    const drained = new Promise<void>((resolve) => {
      stalled.on('data', (e: Wire) => {
        if (e.event === 'backend') events++;
        else if ((e.log as Wire | undefined)?.msg === 'events-dropped')
          dropped += Number(((e.log as Wire).attrs as Wire).count);
        if (events + dropped === TOTAL) resolve();
      });
    });
    stalled.resume();
    await drained;
    expect(dropped).toBeGreaterThan(TOTAL / 2);
    for (const r of [stalled, ...readers]) cancel(r);
  });
});
