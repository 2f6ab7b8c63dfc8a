import { connect } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NULL_SINK, createLogger } from '../../log';
import { createSystemClock } from '../../util';
import type { Site } from '../types';
import type { SiteManager } from '../manager-types';
import { createSiteManager } from '../site-manager';
import { waitForSite } from '../testing/loopback';
import { createDemoSite } from './demo-site';

let dir: string;
let manager: SiteManager | null = null;

function refused(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    s.on('connect', () => (s.destroy(), resolve(false)));
    s.on('error', () => resolve(true));
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-site-'));
});
afterEach(async () => {
  await manager?.dispose();
  manager = null;
  await rm(dir, { recursive: true, force: true });
});

describe('demo site', () => {
  it('starts when there is no sites file, flaps, and stops its servers on dispose', async () => {
    const clock = createSystemClock();
    const logger = createLogger('test', NULL_SINK);
    manager = createSiteManager({
      sitesPath: join(dir, 'sites.yaml'),
      clock,
      random: () => 0.5,
      logger,
      // The built-in demo with its flappers sped up (by default they stay good for about 20 s).
      demoFactory: ({ id, dir: demoDir }) =>
        createDemoSite({ id, dir: demoDir, clock, random: () => 0.5, logger, phases: { goodMs: 2_000, badMs: 3_000 } }),
    });
    await manager.start();
    const demo = manager.get('demo') as Site;
    expect(demo.summary()).toMatchObject({ id: 'demo', name: 'Demo', demo: true, kind: 'local', state: 'ready', frontendsTotal: 3 });
    expect(demo.listBackends()).toHaveLength(10);
    const config = await readFile(join(dir, 'demo', 'maglev.yaml'), 'utf8');
    expect(config).toContain('# The demo site of maglev-monitor');

    // The 503 flapper comes up, then goes down: the demo is alive.
    await waitForSite(demo, (s) => s.getBackend('web-3')?.state === 'up');
    await waitForSite(demo, (s) => s.getBackend('web-3')?.state === 'down');
    expect(demo.transitions({ backend: 'web-3' })[0]).toMatchObject({ from: 'up', to: 'down', code: 'L7STS' });

    const targets = demo.listBackends().map((b) => ({ host: b.address, port: demo.getHealthCheck(b.healthcheck)!.port }));
    await manager.dispose();
    manager = null;
    for (const t of targets) expect(await refused(t.port, t.host)).toBe(true);
  });
});
