/**
 * `npm run web`: the site manager and site service in Node, the built renderer and the contract over a
 * WebSocket (see web-host.ts). Builds the renderer first when it is missing or outdated.
 */
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { createConfigThread, createFileConfigHistory, createSiteManager, createSiteService, type AuditRecord } from '../core/sites';
import { createFileAuditSink } from '../core/audit';
import { createLogger, createStreamSink } from '../core/log';
import { createSystemClock, toAppError } from '../core/util';
import { defaultSitesPath, parseWebArgs, WEB_USAGE } from './args';
import { buildRenderer, findProjectRoot, isRendererStale } from './ensure-renderer';
import { startWebHost } from './web-host';

const VERSION = process.env.npm_package_version ?? '0.0.0';

async function main(): Promise<number> {
  const args = parseWebArgs(process.argv.slice(2), defaultSitesPath(process.env, process.platform));
  if (!args.ok) {
    console.error(`${args.error.message}\n${WEB_USAGE}`);
    return 2;
  }
  const opts = args.value;
  if (opts.help) {
    console.log(WEB_USAGE);
    return 0;
  }
  const sink = createStreamSink(opts.logLevel);
  const logger = createLogger('web', sink);
  const root = (await findProjectRoot(__dirname)) ?? process.cwd();
  const rendererDir = opts.rendererDir ?? join(root, 'out', 'renderer');
  if (opts.rendererDir === null && (opts.rebuild || (await isRendererStale(root, rendererDir)))) {
    console.log(`building the renderer into ${rendererDir} …`);
    const built = await buildRenderer(root, logger);
    if (!built.ok) {
      console.error(built.error.message);
      return 1;
    }
  }

  const clock = createSystemClock();
  const manager = createSiteManager({ sitesPath: opts.sitesPath, clock, random: Math.random, logger: createLogger('sites', sink) });
  await manager.start();
  const user = userInfo().username;
  // Admin actions go to an audit log next to the sites file (issue 8); the same sink serves audit:list.
  const audit = createFileAuditSink<AuditRecord>(join(dirname(opts.sitesPath), 'audit.log'), { logger: createLogger('audit', sink) });
  // Applied configs are kept next to the sites file too (issue 9: the last 50 per site).
  const configHistory = createFileConfigHistory(join(dirname(opts.sitesPath), 'config-history'));
  // Configs are parsed and edited on a worker thread: this thread schedules every local site's probes.
  const configThread = createConfigThread(logger);
  const service = createSiteService({ manager, readOnly: opts.readOnly, version: VERSION, sitesPath: opts.sitesPath, host: 'web', user, clock, logger, audit, auditReader: audit, configHistory, configThread });
  const host = await startWebHost({ service, rendererDir, host: opts.host, port: opts.port, readOnly: opts.readOnly, user, logger });
  console.log(`Maglev Monitor web host${opts.readOnly ? ' (read-only)' : ''}: ${host.url}`);
  console.log(`sites file: ${opts.sitesPath}`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await host.close();
  await service.dispose();
  await manager.dispose();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    // Expected failures (port in use, unreadable sites file) are one line, never a stack trace.
    console.error(`web host: ${toAppError(e).message}`);
    process.exit(1);
  },
);
