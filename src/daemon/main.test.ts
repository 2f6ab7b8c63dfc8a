import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRawClient, takeEvents } from '../../test/support/grpc/raw-client';
import { LISTENING, ROOT, spawnDaemon, type DaemonProcess } from './testing/daemon-process';
import { createSiteFixture, type SiteFixture } from './testing/site-fixture';

const MAIN = join(ROOT, 'src', 'daemon', 'main.ts');
let site: SiteFixture;
let proc: DaemonProcess | null;

beforeEach(async () => {
  site = await createSiteFixture();
  proc = null;
});

afterEach(async () => {
  if (proc && proc.child.exitCode === null && proc.child.signalCode === null) {
    proc.child.kill('SIGKILL');
    await proc.exited;
  }
  await site.close();
});

describe('the daemon process', () => {
  it('logs its address, reloads on SIGHUP, keeps the old config on a bad file, exits 0 on SIGTERM', async () => {
    proc = spawnDaemon(
      MAIN,
      ['--config', site.configPath, '--grpc-addr', '127.0.0.1:0'],
      ['--import', 'tsx'],
    );
    const [, address] = await proc.waitForLine(LISTENING);
    const c = createRawClient(address!);
    try {
      expect(await c.call('ListBackends')).toEqual({
        ok: true,
        value: { names: ['web-a', 'web-b', 'web-c'] },
      });
      site.use('site-reloaded.yaml');
      proc.child.kill('SIGHUP');
      await proc.waitForLine(/config-reloaded/);
      expect(await c.call('ListBackends')).toEqual({
        ok: true,
        value: { names: ['web-a', 'web-c', 'web-d'] },
      });
      site.use('site-semantic-error.yaml');
      proc.child.kill('SIGHUP');
      await proc.waitForLine(/reload-rejected/);
      await proc.waitForLine(/config-issue .*maglev\.backends\.web-b\.healthcheck/);
      expect(await c.call('ListBackends')).toEqual({
        ok: true,
        value: { names: ['web-a', 'web-c', 'web-d'] },
      });

      const stream = c.watch({});
      await takeEvents(stream, 1);
      const ended = new Promise<grpc.StatusObject>((resolve) => stream.on('status', resolve));
      stream.on('error', () => {});
      stream.on('data', () => {});
      proc.child.kill('SIGTERM');
      expect((await ended).code).toBe(grpc.status.OK);
      expect(await proc.exited).toBe(0);
      // Reloads were parsed on the worker thread: no fallback warning.
      expect(proc.lines.filter((l) => /config-worker/.test(l))).toEqual([]);
    } finally {
      c.close();
    }
  });

  it('exits 2 with formatted issues on an invalid config, like --check (through bin/maglevd-ts.cjs)', async () => {
    site.use('site-semantic-error.yaml');
    proc = spawnDaemon(join(ROOT, 'bin', 'maglevd-ts.cjs'), [
      '--config',
      site.configPath,
      '--grpc-addr',
      '127.0.0.1:0',
    ]);
    expect(await proc.exited).toBe(2);
    expect(proc.lines.join('\n')).toMatch(/maglev\.yaml:\d+:\d+: maglev\.backends\.web-b\.healthcheck: /);
  });
});

describe('the bundled daemon', () => {
  const outdir = join(ROOT, 'node_modules', '.cache', 'maglev-build-test');
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('builds with scripts/build-node.mjs and finds the proto from out/', async () => {
    const build = spawnDaemon(join(ROOT, 'scripts', 'build-node.mjs'), ['--outdir', outdir]);
    expect(await build.exited).toBe(0);
    const bundle = join(outdir, 'daemon', 'index.js');
    expect(existsSync(bundle)).toBe(true);
    proc = spawnDaemon(bundle, ['--config', site.configPath, '--grpc-addr', '127.0.0.1:0']);
    const [, address] = await proc.waitForLine(LISTENING);
    expect(existsSync(join(outdir, 'daemon', 'config-worker.js'))).toBe(true);
    const c = createRawClient(address!);
    expect(await c.call('ListFrontends')).toEqual({ ok: true, value: { names: ['www'] } });
    site.use('site-reloaded.yaml');
    proc.child.kill('SIGHUP');
    await proc.waitForLine(/config-reloaded/);
    expect(await c.call('ListFrontends')).toEqual({ ok: true, value: { names: ['www', 'api'] } });
    c.close();
    proc.child.kill('SIGINT');
    expect(await proc.exited).toBe(0);
    expect(proc.lines.filter((l) => /config-worker/.test(l))).toEqual([]);
  });
});
