import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../log';
import type { Clock, RandomSource } from '../../util';
import type { Site } from '../types';
import { saveConfigAtomically } from '../config-adapter';
import { createLocalSite } from '../local-site';
import type { DemoBackendsOptions } from './demo-backends';
import { createDemoBackends } from './demo-backends';
import { buildDemoConfig } from './demo-config';

/** What the demo site is built from. */
export interface DemoSiteOptions {
  id: string;
  /** Where the demo's maglev.yaml is written. */
  dir: string;
  clock: Clock;
  random: RandomSource;
  logger: Logger;
  /** Flap timing of the demo backends (tests shorten it). */
  phases?: DemoBackendsOptions['phases'];
}

/**
 * Starts the demo site: loopback demo backends, a config for them written to `dir/maglev.yaml`, and a
 * local site on it. Disposing the site also stops the backends.
 */
export async function createDemoSite(options: DemoSiteOptions): Promise<Site> {
  const { clock, random, logger } = options;
  const backends = await createDemoBackends({ clock, random, logger, phases: options.phases });
  try {
    await mkdir(options.dir, { recursive: true });
    const path = join(options.dir, 'maglev.yaml');
    await saveConfigAtomically(path, buildDemoConfig(backends.backends, backends.ipv6));
    const site = await createLocalSite({ id: options.id, spec: { name: 'Demo', kind: 'local', config: path }, clock, random, logger, demo: true });
    return {
      ...site,
      async dispose() {
        try {
          await site.dispose();
        } finally {
          await backends.stop();
        }
      },
    };
  } catch (e) {
    await backends.stop();
    throw e;
  }
}
