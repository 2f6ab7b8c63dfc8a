import type { SiteSpec } from '../../shared/model';
import type { Result } from '../util';
import { err } from '../util';
import type { Site, SiteStatus } from './types';
import { buildSummary } from './site-summary';

/** The site that failed to start, and why. */
export interface FailedSiteInput {
  id: string;
  spec: SiteSpec;
  demo?: boolean;
  /** Why the site could not start, shown as its last error. */
  message: string;
}

/**
 * Creates the stand-in for a site whose construction failed: it is listed as `offline` with the
 * reason, answers queries with nothing and refuses actions, so one broken site never hides the others.
 */
export function createFailedSite(input: FailedSiteInput): Site {
  const status: SiteStatus = { state: 'offline', lastError: input.message, lastContactMs: null };
  const refuse = async (): Promise<Result<never>> => err({ code: 'UNAVAILABLE', message: `site ${input.spec.name} is not running: ${input.message}` });
  return {
    id: input.id,
    spec: input.spec,
    demo: input.demo ?? false,
    status: () => ({ ...status }),
    summary: () => buildSummary({ id: input.id, spec: input.spec, demo: input.demo ?? false, status, frontends: [], backends: [] }),
    listFrontends: () => [],
    getFrontend: () => undefined,
    listBackends: () => [],
    getBackend: () => undefined,
    listHealthChecks: () => [],
    getHealthCheck: () => undefined,
    history: () => [],
    transitions: () => [],
    recentLogs: () => [],
    pause: refuse,
    resume: refuse,
    enable: refuse,
    disable: refuse,
    setWeight: refuse,
    readConfig: refuse,
    diffConfig: refuse,
    applyConfig: refuse,
    checkConfig: refuse,
    reloadConfig: refuse,
    subscribe: () => () => {},
    dispose: async () => {},
  };
}
