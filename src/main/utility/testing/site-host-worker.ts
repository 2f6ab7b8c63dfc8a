/** A worker_threads stand-in for the utilityProcess: the same startSiteHost over the worker's port. */
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger, NULL_SINK } from '../../../core/log';
import { nodePortEndpoint, type FromHostMessage } from '../../host';
import { startSiteHost } from '../start-site-host';

if (!parentPort) throw new Error('run me as a worker');
startSiteHost({
  argv: (workerData as { argv: string[] }).argv,
  endpoint: nodePortEndpoint<unknown, FromHostMessage>(parentPort),
  logger: createLogger('host', NULL_SINK),
  sitesLogger: createLogger('sites', NULL_SINK),
});
