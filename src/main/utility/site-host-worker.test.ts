/**
 * The site host as it runs in the app, but in a worker thread instead of a utilityProcess: main's host
 * client talks to the real site manager and service (demo site on loopback backends) across a real
 * thread boundary, so structured clone, startup and dispose are exercised end to end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostClient, nodePortEndpoint, type HostClient, type ToHostMessage } from '../host';
import { createLogger, NULL_SINK } from '../../core/log';
import { createSystemClock } from '../../core/util';
import type { RequestContext } from '../../core/sites';
import { operations } from '../../shared/ipc';

const ctx: RequestContext = { readOnly: false, user: 'noc', host: 'ws1', origin: 'electron' };
let worker: Worker | null = null;
let client: HostClient | null = null;
let dir: string | null = null;

afterEach(async () => {
  await client?.dispose();
  await worker?.terminate();
  if (dir) await rm(dir, { recursive: true, force: true });
  worker = client = dir = null;
});

async function startWorker(argv: string[]): Promise<HostClient> {
  // The worker runs the TypeScript entry through tsx's require hook, as `npm run web` runs src/web.
  const entry = JSON.stringify(join(__dirname, 'testing', 'site-host-worker.ts'));
  worker = new Worker(`require('tsx/cjs'); require(${entry});`, { eval: true, workerData: { argv } });
  worker.on('exit', (code) => client?.fail(`worker exited with code ${code}`));
  client = createHostClient(nodePortEndpoint<unknown, ToHostMessage>(worker), {
    clock: createSystemClock(),
    logger: createLogger('test', NULL_SINK),
    timeoutMs: 15_000,
  });
  return client;
}

describe('site host in a worker thread', () => {
  it('serves the real site service (demo site) and disposes it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'site-host-'));
    const c = await startWorker(['--sites', join(dir, 'sites.yaml'), '--app-version', '9.9.9', '--user', 'noc']);
    const info = await c.invoke('app:info', {}, ctx);
    expect(info).toMatchObject({ ok: true, value: { version: '9.9.9', host: 'electron', user: 'noc' } });
    const sites = await c.invoke('sites:list', {}, ctx);
    expect(sites.ok && operations['sites:list'].response.parse(sites.value).some((s) => s.demo)).toBe(true);
    const frontends = await c.invoke('frontends:list', { site: 'demo' }, ctx);
    expect(frontends.ok && operations['frontends:list'].response.parse(frontends.value).length).toBeGreaterThan(0);
    const event = new Promise((resolve) => c.onEvent((name) => resolve(name)));
    expect(['sites:changed', 'health:changed']).toContain(await event);
  });

  it('reports bad arguments as an error value, not a crash', async () => {
    const c = await startWorker(['--app-version', '1']);
    expect(await c.invoke('sites:list', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: '--sites needs a file path' },
    });
  });
});
