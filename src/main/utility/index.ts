/**
 * Entry of the site-host utilityProcess: the site manager and site service (core/sites) behind the
 * host protocol on `process.parentPort`. Probing, config parsing and gRPC run here, never in main.
 * Main ends this process after the `disposed` answer (or kills it when it hangs).
 */
import { createSiteManager, createSiteService, type SiteService } from '../../core/sites';
import { createLogger, createStreamSink } from '../../core/log';
import { createSystemClock } from '../../core/util';
import { LOG_LEVELS, type LogLevel } from '../../shared/model';
import { parentPortEndpoint, serveSiteService, type FromHostMessage } from '../host';
import { parseHostArgs } from './host-args';

const level = (LOG_LEVELS as readonly string[]).includes(process.env.MAGLEV_LOG ?? '') ? (process.env.MAGLEV_LOG as LogLevel) : 'info';
const logger = createLogger('host', createStreamSink(level));
const endpoint = parentPortEndpoint<unknown, FromHostMessage>(process.parentPort);

async function startService(): Promise<SiteService> {
  const args = parseHostArgs(process.argv);
  if (!args.ok) throw new Error(args.error.message);
  const clock = createSystemClock();
  const { sitesPath, readOnly, appVersion, user } = args.value;
  const manager = createSiteManager({ sitesPath, clock, random: Math.random, logger: createLogger('sites', createStreamSink(level)) });
  await manager.start();
  const service = createSiteService({ manager, readOnly, version: appVersion, sitesPath, host: 'electron', user, clock, logger });
  // The service does not own the manager; the host process owns both and stops them in this order.
  return { ...service, dispose: async () => (await service.dispose(), await manager.dispose()) };
}

serveSiteService(endpoint, startService(), logger);
