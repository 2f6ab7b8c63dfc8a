import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger, NULL_SINK } from '../core/log';
import { createConfigReader, type ConfigReader } from './config-reader';

const logger = createLogger('config-reader.test', NULL_SINK);
const dir = mkdtempSync(join(tmpdir(), 'maglev-reader-'));
let reader: ConfigReader | null = null;

afterEach(async () => {
  await reader?.dispose();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const good =
  'maglev:\n  healthchecks:\n    web: { type: tcp, port: 80 }\n  backends:\n    a: { address: 127.0.0.1, healthcheck: web }\n';
const bad =
  'maglev:\n  healthchecks:\n    web: { type: tcp, port: 80 }\n  backends:\n    a: { address: 127.0.0.1, healthcheck: wbe }\n';

describe('createConfigReader', () => {
  it('loads configs on a worker thread, frozen, with the same issues as the loader', async () => {
    reader = createConfigReader(logger);
    expect(reader.usesWorker()).toBe(true);
    writeFileSync(join(dir, 'good.yaml'), good);
    writeFileSync(join(dir, 'bad.yaml'), bad);
    const [ok, ko] = await Promise.all([
      reader.read(join(dir, 'good.yaml')),
      reader.read(join(dir, 'bad.yaml')),
    ]);
    expect(ok.ok && ok.config.backends.map((b) => b.name)).toEqual(['a']);
    expect(ok.ok && Object.isFrozen(ok.config.backends[0])).toBe(true);
    expect(ko).toMatchObject({
      ok: false,
      kind: 'semantic',
      issues: [{ path: 'maglev.backends.a.healthcheck', line: 5 }],
    });
    expect(await reader.read(join(dir, 'missing.yaml'))).toMatchObject({ ok: false, kind: 'parse' });
  });

  it('falls back to this thread when no worker can run', async () => {
    reader = createConfigReader(logger, dir);
    expect(reader.usesWorker()).toBe(false);
    writeFileSync(join(dir, 'good.yaml'), good);
    expect(await reader.read(join(dir, 'good.yaml'))).toMatchObject({ ok: true });
  });
});

