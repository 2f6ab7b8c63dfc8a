// Config history (issue 9) and the audit log view (issue 8) in real Chromium through the web host, which
// keeps audit.log and config-history/ next to the sites file as `npm run web` does.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { shot, startWorld, urlAt, type World } from './harness';

let world: World;

// Not serial: the audit test stands alone, so a failed history test does not hide its result.
test.beforeAll(async () => {
  world = await startWorld();
});
test.afterAll(async () => {
  await world?.close();
});

const at = (hash: string) => urlAt(world.url, hash);
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
  await page.keyboard.insertText(edit(readFileSync(world.localConfig, 'utf8')));
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
  const before = readFileSync(world.localConfig, 'utf8');
  await page.getByRole('link', { name: 'Restore in editor…' }).click();
  await expect(page).toHaveURL(/#\/site\/lab\/config\/\d+-[0-9a-f]+$/);
  await expect(editor(page)).toContainText('b2: { weight: 40 }');
  await expect(editor(page)).not.toContainText('e2e web v2');
  await shot(page, 'e2e-history-restore-draft');
  // Nothing was applied by restoring: the file and the history are as they were.
  expect(readFileSync(world.localConfig, 'utf8')).toBe(before);
  await page.getByRole('button', { name: 'Validate & diff' }).click();
  await expect(page.getByRole('region', { name: 'What Apply will do' })).toContainText('web-vip');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('region', { name: 'What changed' })).toBeVisible();
  const saved = readFileSync(world.localConfig, 'utf8');
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
