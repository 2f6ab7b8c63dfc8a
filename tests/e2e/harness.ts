// The e2e world: loopback backends that can be told to fail, a local site on them, a remote site on the
// project's daemon, and the web host serving the built renderer — all in this Playwright worker.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { createFileConfigHistory, createSiteManager, createSiteService, type AuditRecord, type SiteManager } from '../../src/core/sites';
import { createFileAuditSink } from '../../src/core/audit';
import { createLogger, NULL_SINK } from '../../src/core/log';
import { createSystemClock } from '../../src/core/util';
import { startDaemon, type RunningDaemon } from '../../src/daemon/daemon';
import { buildRenderer, isRendererStale } from '../../src/web/ensure-renderer';
import { startWebHost, type WebHost } from '../../src/web/web-host';
import type { Page } from '@playwright/test';

/** Saves a full-page screenshot as test-results/<name>.png. */
export const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });

/** The app at `hash` on a web host's URL (its token query kept). */
export const urlAt = (hostUrl: string, hash: string) => hostUrl.replace(/\/?(\?|$)/, `/$1`) + hash;

const ROOT = resolve(__dirname, '../..');
const BACKENDS = ['b1', 'b2', 'b3'] as const;

export interface World {
  url: string;
  dir: string;
  localConfig: string;
  /** Makes a backend answer 503 (true) or 200 (false). */
  setFailing(name: (typeof BACKENDS)[number], failing: boolean): void;
  close(): Promise<void>;
}

/** Starts three HTTP backends on 127.0.0.11-13 sharing one port, so one health check covers them. */
async function startBackends(failing: Set<string>): Promise<{ port: number; servers: Server[] }> {
  const servers: Server[] = [];
  let port = 0;
  for (const [i, name] of BACKENDS.entries()) {
    const s = createServer((req, res) => {
      const bad = failing.has(name);
      res.writeHead(bad ? 503 : 200, { 'content-type': 'text/plain', connection: 'close' });
      res.end(bad ? 'failing' : 'ok');
    });
    await new Promise<void>((r) => s.listen(port, `127.0.0.${11 + i}`, r));
    port = (s.address() as AddressInfo).port;
    servers.push(s);
  }
  return { port, servers };
}

/** The local site's config: comments kept on purpose (the editor must keep them). */
export function localConfigText(port: number, weightB2 = 100): string {
  return `# e2e lab site
maglev:
  healthchecks:
    web:
      type: http
      port: ${port}
      interval: 300ms
      fast-interval: 200ms
      down-interval: 600ms
      timeout: 200ms
      rise: 2
      fall: 2
      params:
        path: /healthz
  backends:
    b1: { address: 127.0.0.11, healthcheck: web }
    b2: { address: 127.0.0.12, healthcheck: web }
    b3: { address: 127.0.0.13, healthcheck: web }
  frontends:
    web-vip:
      description: e2e web
      address: 192.0.2.10
      protocol: tcp
      port: 80
      pools:
        - name: primary
          backends:
            b1: {}
            b2: { weight: ${weightB2} }
        - name: standby
          backends:
            b3: {}
`;
}

/** Starts everything; `close()` stops it all. */
export async function startWorld(): Promise<World> {
  if (await isRendererStale(ROOT, join(ROOT, 'out', 'renderer'))) {
    const built = await buildRenderer(ROOT, createLogger('e2e', NULL_SINK));
    if (!built.ok) throw new Error(built.error.message);
  }
  const dir = mkdtempSync(join(tmpdir(), 'maglev-e2e-'));
  const failing = new Set<string>();
  const { port, servers } = await startBackends(failing);
  const localConfig = join(dir, 'lab.yaml');
  writeFileSync(localConfig, localConfigText(port));
  const remoteConfig = join(dir, 'remote.yaml');
  writeFileSync(remoteConfig, localConfigText(port).replace('# e2e lab site', '# e2e remote site'));
  const started = await startDaemon({ configPath: remoteConfig, grpcAddr: '127.0.0.1:0', logSink: NULL_SINK });
  if (!started.ok) throw new Error(started.error.message);
  const daemon: RunningDaemon = started.daemon;
  const sitesPath = join(dir, 'sites.yaml');
  writeFileSync(
    sitesPath,
    `sites:\n  - name: Lab\n    kind: local\n    config: ${localConfig}\n  - name: Remote\n    kind: remote\n    address: ${daemon.address}\n`,
  );
  const clock = createSystemClock();
  const logger = createLogger('e2e', NULL_SINK);
  const manager: SiteManager = createSiteManager({ sitesPath, clock, random: Math.random, logger });
  await manager.start();
  const user = userInfo().username;
  // As `npm run web` does: an audit log and the applied-config history beside the sites file.
  const audit = createFileAuditSink<AuditRecord>(join(dir, 'audit.log'));
  const configHistory = createFileConfigHistory(join(dir, 'config-history'));
  const service = createSiteService({ manager, readOnly: false, version: 'e2e', sitesPath, host: 'web', user, clock, logger, audit, auditReader: audit, configHistory });
  const host: WebHost = await startWebHost({ service, rendererDir: join(ROOT, 'out', 'renderer'), port: 0, user, logger });
  return {
    url: host.url,
    dir,
    localConfig,
    setFailing: (name, bad) => (bad ? failing.add(name) : failing.delete(name)),
    async close() {
      await host.close();
      await service.dispose();
      await manager.dispose();
      await daemon.stop();
      for (const s of servers) {
        s.closeAllConnections();
        s.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
