/**
 * Entry of the site-host utilityProcess: the site manager and site service behind the host protocol on
 * `process.parentPort`. Probing, config parsing and gRPC run here, never in main. Main ends this
 * process after the `disposed` answer (or kills it when it hangs).
 */
import { createLogger, createStreamSink } from '../../core/log';
import { LOG_LEVELS, type LogLevel } from '../../shared/model';
import { parentPortEndpoint, type FromHostMessage } from '../host';
import { startSiteHost } from './start-site-host';

const level = (LOG_LEVELS as readonly string[]).includes(process.env.MAGLEV_LOG ?? '') ? (process.env.MAGLEV_LOG as LogLevel) : 'info';
startSiteHost({
  argv: process.argv,
  endpoint: parentPortEndpoint<unknown, FromHostMessage>(process.parentPort),
  logger: createLogger('host', createStreamSink(level)),
  sitesLogger: createLogger('sites', createStreamSink(level)),
});
