// Test-only: a site manager over fake sites, with the site service on top, as the hosts build them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NULL_SINK, createLogger } from '../../log';
import { createFakeClock, type FakeClock } from '../../scheduler';
import type { SiteManager } from '../manager-types';
import { createSiteManager } from '../site-manager';
import type { SiteServiceOptions } from '../site-service';
import { createSiteService } from '../site-service';
import type { SiteService } from '../types';
import type { FakeSite } from './fake-site';
import { createFakeSite } from './fake-site';

export interface FakeService {
  manager: SiteManager;
  service: SiteService;
  clock: FakeClock;
  /** The fake sites by id, as the manager created them. */
  sites: Map<string, FakeSite>;
}

/**
 * Writes `sitesYaml` as `dir/sites.yaml`, starts a manager whose sites are fakes with `backendNames`,
 * and a service over it (`options` replace the defaults: read-write, host 'web', user 'svc').
 */
export async function startFakeService(
  dir: string,
  sitesYaml: string,
  options: { backendNames?: string[]; clockStartMs?: number; service?: Partial<SiteServiceOptions> } = {},
): Promise<FakeService> {
  const sitesPath = join(dir, 'sites.yaml');
  await writeFile(sitesPath, sitesYaml);
  const clock = createFakeClock(options.clockStartMs);
  const sites = new Map<string, FakeSite>();
  const manager = createSiteManager({
    sitesPath,
    clock,
    random: () => 0.5,
    logger: createLogger('test', NULL_SINK),
    siteFactory: ({ id, spec }) => {
      const s = createFakeSite(id, spec, options.backendNames ?? ['a', 'b']);
      sites.set(id, s);
      return s;
    },
    demoFactory: null,
  });
  await manager.start();
  const service = createSiteService({
    manager,
    readOnly: false,
    version: '1',
    sitesPath,
    host: 'web',
    user: 'svc',
    clock,
    ...options.service,
  });
  return { manager, service, clock, sites };
}
