// Test-only: a loopback HTTP backend and a config file written from test/fixtures/grpc/*.yaml.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'grpc');

export interface SiteFixture {
  /** The config file the daemon reads (rewritten by `use`). */
  configPath: string;
  /** Port of the HTTP backend on 127.0.0.1. */
  port: number;
  /** Writes fixture `name` (e.g. 'site-reloaded.yaml') as the config file. */
  use(name: string): void;
  close(): Promise<void>;
}

/** Starts the loopback backend (200 on /healthz) and writes `site.yaml` for it. */
export async function createSiteFixture(): Promise<SiteFixture> {
  const server: Server = createServer((req, res) => {
    res.writeHead(req.url === '/healthz' ? 200 : 404, { connection: 'close' }).end('ok\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'maglev-daemon-'));
  const configPath = join(dir, 'maglev.yaml');
  const use = (name: string): void => {
    writeFileSync(configPath, readFileSync(join(FIXTURES, name), 'utf8').replaceAll('${PORT}', String(port)));
  };
  use('site.yaml');
  return {
    configPath,
    port,
    use,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
