import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogRecord } from '../../shared/model';
import { createLogger } from '../log';
import type { ConfigThread } from './config-thread';
import { createConfigThread, createInlineConfigThread } from './config-thread';

const HC = 'maglev:\n  healthchecks:\n    h: { type: tcp, port: 80 }\n';
const VALID = `${HC}  backends:\n    a: { address: 127.0.0.1, healthcheck: h } # keep me\n`;
const INVALID = `${HC}  backends:\n    a: { address: 127.0.0.300, healthcheck: h }\n`;
const records: LogRecord[] = [];
const logger = createLogger('test', { minLevel: () => 'debug', write: (r) => records.push(r) });
let thread: ConfigThread | null = null;

afterEach(async () => {
  await thread?.dispose();
  thread = null;
  records.length = 0;
});

/** A config big enough that parsing it takes a while (10,000 backends). */
function bigConfig(): string {
  let t = 'maglev:\n  healthchecks:\n    h: { type: tcp, port: 80 }\n  backends:\n';
  for (let i = 0; i < 10_000; i++)
    t += `    b${i}: { address: 127.${(i >> 8) & 255}.${i & 255}.1, healthcheck: h }\n`;
  return t;
}

describe('config thread', () => {
  it('loads and edits on a worker thread with the same results as this thread', async () => {
    thread = createConfigThread(logger);
    expect(thread.usesWorker()).toBe(true);
    const inline = createInlineConfigThread();
    expect((await thread.load(VALID, 'lab.yaml')).ok).toBe(true);
    for (const text of [VALID, INVALID, 'maglev: [', '']) {
      expect(await thread.load(text, 'lab.yaml')).toEqual(await inline.load(text, 'lab.yaml'));
    }
    const edit = [{ op: 'set' as const, path: ['maglev', 'backends', 'a', 'enabled'], value: false }];
    expect(await thread.edit(VALID, edit)).toEqual({
      ok: true,
      value: `${HC}  backends:\n    a: { address: 127.0.0.1, healthcheck: h, enabled: false } # keep me\n`,
    });
    expect(await thread.edit(VALID, [{ op: 'remove-backend', name: 'zz' }])).toEqual(
      await inline.edit(VALID, [{ op: 'remove-backend', name: 'zz' }]),
    );
  });

  it('leaves this thread free while a large config is parsed', async () => {
    thread = createConfigThread(logger);
    const order: string[] = [];
    const done = thread.load(bigConfig(), 'big.yaml').then((r) => order.push(`loaded ${r.ok}`));
    await new Promise<void>((resolve) => setImmediate(() => (order.push('tick'), resolve())));
    await done;
    expect(order).toEqual(['tick', 'loaded true']);
  });

  it('falls back to this thread, with a warning, when no worker can start or it dies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'no-worker-'));
    thread = createConfigThread(logger, dir);
    expect(thread.usesWorker()).toBe(false);
    expect((await thread.load(VALID, 'x.yaml')).ok).toBe(true);
    expect(records.map((r) => r.msg)).toContain('config-thread-unavailable');
    await rm(dir, { recursive: true });
    await thread.dispose();

    thread = createConfigThread(logger);
    // Stopped under a request: the request is still answered (on this thread).
    const pending = thread.load(VALID, 'x.yaml');
    await thread.dispose();
    expect((await pending).ok).toBe(true);
  });
});
