/**
 * What the site-host process runs, whatever its transport: parse the arguments main passed, create the
 * site manager and site service (core/sites), and serve them over `endpoint` with the host protocol.
 * The utilityProcess entry passes `process.parentPort`; tests pass a worker_threads port.
 */
import { createConfigThread, createFileConfigHistory, createSiteManager, createSiteService, type AuditRecord, type SiteService } from '../../core/sites';
import { createFileAuditSink } from '../../core/audit';
import type { Logger } from '../../core/log';
import { createSystemClock } from '../../core/util';
import { serveSiteService, type FromHostMessage, type HostServer, type MessageEndpoint } from '../host';
import { parseHostArgs } from './host-args';

export interface SiteHostDeps {
  argv: readonly string[];
  endpoint: MessageEndpoint<unknown, FromHostMessage>;
  logger: Logger;
  sitesLogger: Logger;
}

async function createService(deps: SiteHostDeps): Promise<SiteService> {
  const args = parseHostArgs(deps.argv);
  if (!args.ok) throw new Error(args.error.message);
  const clock = createSystemClock();
  const { sitesPath, readOnly, appVersion, user } = args.value;
  const manager = createSiteManager({ sitesPath, clock, random: Math.random, logger: deps.sitesLogger });
  await manager.start();
  const audit = createFileAuditSink<AuditRecord>(args.value.auditPath, { logger: deps.logger });
  const configHistory = createFileConfigHistory(args.value.configHistoryDir);
  // Configs are parsed and edited on a worker thread: this thread schedules every local site's probes.
  const configThread = createConfigThread(deps.logger);
  const service = createSiteService({ manager, readOnly, version: appVersion, sitesPath, host: 'electron', user, clock, logger: deps.logger, audit, auditReader: audit, configHistory, configThread });
  // The service does not own the manager; the host owns both and stops them in this order.
  return { ...service, dispose: async () => (await service.dispose(), await manager.dispose(), await configThread.dispose()) };
}

/** Starts serving; a service that cannot start is reported to main as `fatal`. */
export function startSiteHost(deps: SiteHostDeps): HostServer {
  return serveSiteService(deps.endpoint, createService(deps), deps.logger);
}
