// Config history (issue 9) and the audit log view (issue 8) in real Chromium through the web host. The
// shared harness's host keeps neither, so this file starts its own host the way `npm run web` does:
// audit.log and config-history/ next to the sites file, not read-only.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createFileConfigHistory, createSiteManager, createSiteService, type AuditRecord } from '../../src/core/sites';
import { createFileAuditSink } from '../../src/core/audit';
import { createLogger, NULL_SINK } from '../../src/core/log';
import { createSystemClock } from '../../src/core/util';
import { buildRenderer, isRendererStale } from '../../src/web/ensure-renderer';
import { startWebHost } from '../../src/web/web-host';
import { localConfigText } from './harness';

const ROOT = resolve(__dirname, '../..');

interface HistoryWorld {
  url: string;
  config: string;
  close(): Promise<void>;
}

async function startHistoryWorld(): Promise<HistoryWorld> {
  const logger = createLogger('e2e', NULL_SINK);
  if (await isRendererStale(ROOT, join(ROOT, 'out', 'renderer'))) {
    const built = await buildRenderer(ROOT, logger);
    if (!built.ok) throw new Error(built.error.message);
  }
  const dir = mkdtempSync(join(tmpdir(), 'maglev-e2e-history-'));
  const servers: Server[] = [];
  let port = 0;
  for (const ip of ['127.0.0.11', '127.0.0.12', '127.0.0.13']) {
    const s = createServer((_req, res) => res.writeHead(200, { connection: 'close' }).end('ok'));
    await new Promise<void>((r) => s.listen(port, ip, r));
    port = (s.address() as AddressInfo).port;
    servers.push(s);
  }
  const config = join(dir, 'lab.yaml');
  writeFileSync(config, localConfigText(port));
  const sitesPath = join(dir, 'sites.yaml');
  writeFileSync(sitesPath, `sites:\n  - name: Lab\n    kind: local\n    config: ${config}\n`);
  const clock = createSystemClock();
  const manager = createSiteManager({ sitesPath, clock, random: Math.random, logger });
  await manager.start();
  const user = userInfo().username;
  const audit = createFileAuditSink<AuditRecord>(join(dir, 'audit.log'));
  const configHistory = createFileConfigHistory(join(dir, 'config-history'));
  const service = createSiteService({ manager, readOnly: false, version: 'e2e', sitesPath, host: 'web', user, clock, logger, audit, auditReader: audit, configHistory });
  const host = await startWebHost({ service, rendererDir: join(ROOT, 'out', 'renderer'), port: 0, user, logger });
  return {
    url: host.url,
    config,
    async close() {
      await host.close();
      await service.dispose();
      await manager.dispose();
      for (const s of servers) {
        s.closeAllConnections();
        s.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let world: HistoryWorld;

// Not serial: the audit test stands alone, so a failed history test does not hide its result.
test.beforeAll(async () => {
  world = await startHistoryWorld();
});
test.afterAll(async () => {
  await world?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
const at = (hash: string) => world.url.replace(/\/?(\?|$)/, `/$1`) + hash;
const historyTable = (page: Page) => page.getByRole('table', { name: 'Applied configs, newest first' });
const historyRows = (page: Page) => historyTable(page).locator('tbody tr');
const editor = (page: Page) => page.getByRole('textbox', { name: 'Config YAML' });

/** Goes through the YAML editor's own path: replace the text, Validate & diff, Apply. */
async function applyThroughEditor(page: Page, edit: (text: string) => string): Promise<void> {
  await page.goto(at('#/site/lab/config'));
  await expect(editor(page)).toContainText('e2e lab site');
  await editor(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(edit(readFileSync(world.config, 'utf8')));
  await page.getByRole('button', { name: 'Validate & diff' }).click();
  await expect(page.getByRole('region', { name: 'What Apply will do' })).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('region', { name: 'What changed' })).toBeVisible();
}

test('each applied config shows in the history tab; an older one diffs against the current file', async ({ page }) => {
  await applyThroughEditor(page, (t) => t.replace('b2: { weight: 100 }', 'b2: { weight: 40 }'));
  await applyThroughEditor(page, (t) => t.replace('description: e2e web', 'description: e2e web v2'));
  await page.getByRole('link', { name: 'history' }).click();
  await expect(historyRows(page)).toHaveCount(2);
  await expect(historyRows(page).nth(0)).toContainText('1 frontend changed');
  await expect(historyRows(page).nth(1)).toContainText('weights only: web-vip');
  await expect(historyRows(page).nth(1)).toContainText(`${userInfo().username}@`);
  await shot(page, 'e2e-history-list');

  await historyRows(page).nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/#\/site\/lab\/history\/\d+-[0-9a-f]+$/);
  const detail = page.getByRole('region', { name: /^config applied / });
  const merge = detail.getByRole('group', { name: 'This version beside the current file' });
  await expect(merge.locator('.cm-merge-a .cm-content')).not.toContainText('e2e web v2');
  await expect(merge.locator('.cm-merge-b .cm-content')).toContainText('description: e2e web v2');
  await expect(merge.locator('.cm-merge-a .cm-changedLine')).toHaveCount(1);
  await expect(detail.getByRole('region', { name: 'What applying it did' })).toContainText('b2 weight 100 → 40');
  await shot(page, 'e2e-history-diff');
});

test('Restore puts an older config into the editor as a draft; only Apply changes the site', async ({ page }) => {
  await page.goto(at('#/site/lab/history'));
  await historyRows(page).nth(1).getByRole('link').click();
  const before = readFileSync(world.config, 'utf8');
  await page.getByRole('link', { name: 'Restore in editor…' }).click();
  await expect(page).toHaveURL(/#\/site\/lab\/config\/\d+-[0-9a-f]+$/);
  await expect(editor(page)).toContainText('b2: { weight: 40 }');
  await expect(editor(page)).not.toContainText('e2e web v2');
  await shot(page, 'e2e-history-restore-draft');
  // Nothing was applied by restoring: the file and the history are as they were.
  expect(readFileSync(world.config, 'utf8')).toBe(before);
  await page.getByRole('button', { name: 'Validate & diff' }).click();
  await expect(page.getByRole('region', { name: 'What Apply will do' })).toContainText('web-vip');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('region', { name: 'What changed' })).toBeVisible();
  const saved = readFileSync(world.config, 'utf8');
  expect(saved).toContain('description: e2e web\n');
  expect(saved).toContain('# e2e lab site');
  await page.getByRole('link', { name: 'history' }).click();
  await expect(historyRows(page)).toHaveCount(3);
});

test('pause and resume show in the audit view with who, arguments and result', async ({ page }) => {
  await page.goto(at('#/site/lab/backends'));
  const row = page.getByRole('table', { name: 'web-vip pool primary' }).locator('tr[data-backend="b1"]');
  const state = row.locator('[data-state]').first();
  await expect(state).toHaveAttribute('data-state', 'up');
  await row.getByRole('button', { name: 'Pause b1' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm pause' }).click();
  await expect(state).toHaveAttribute('data-state', 'paused');
  await row.getByRole('button', { name: 'Resume b1' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm resume' }).click();
  await expect(state).not.toHaveAttribute('data-state', 'paused');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  const table = page.getByRole('table', { name: 'Admin actions, newest first' });
  const rows = table.locator('tbody tr');
  await expect(rows.nth(0)).toContainText('backends:resume');
  await expect(rows.nth(1)).toContainText('backends:pause');
  await expect(rows.nth(1)).toContainText('backend=b1');
  await expect(rows.nth(1)).toContainText(`${userInfo().username}@`);
  await expect(rows.nth(1).locator('td').last()).toHaveText('ok');
  await shot(page, 'e2e-audit');
  await page.getByRole('combobox', { name: 'Operation' }).selectOption('backends:pause');
  await expect(rows).toHaveCount(1);
});
