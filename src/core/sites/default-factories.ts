import type { Logger } from '../log';
import type { Clock, RandomSource } from '../util';
import type { DemoFactory, SiteFactory } from './manager-types';
import { createDemoSite } from './demo/demo-site';
import { createLocalSite } from './local-site';
import { createRemoteSite } from './remote-site';

interface Deps {
  clock: Clock;
  random: RandomSource;
  logger: Logger;
}

/** Returns the factory that builds real sites: a checker on a config file, or a gRPC client. */
export function defaultSiteFactory(deps: Deps): SiteFactory {
  return ({ id, spec }) =>
    spec.kind === 'local' ? createLocalSite({ id, spec, ...deps }) : createRemoteSite({ id, spec, ...deps });
}

/** Returns the factory of the built-in demo site. */
export function defaultDemoFactory(deps: Deps): DemoFactory {
  return ({ id, dir }) => createDemoSite({ id, dir, ...deps });
}
