import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { shot, startWorld, urlAt, type World } from './harness';

let world: World;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  world = await startWorld();
});
test.afterAll(async () => {
  await world?.close();
});

const siteUrl = (site: string, tab: string) => urlAt(world.url, `#/site/${site}/${tab}`);
const row = (page: Page, backend: string) =>
  page.getByRole('table', { name: 'web-vip pool primary' }).locator(`tr[data-backend="${backend}"]`);

test('the overview shows both sites with their state', async ({ page }) => {
  await page.goto(world.url);
  const lab = page.getByRole('link', { name: 'site Lab' });
  const remote = page.getByRole('link', { name: 'site Remote' });
  await expect(lab).toBeVisible();
  await expect(remote).toBeVisible();
  await expect(lab).toContainText('ready');
  await expect(remote).toContainText('ready');
  await expect(lab).toContainText('UP 3/3');
  await shot(page, 'e2e-overview');
});

test('a failing backend turns red in the table, reaches the timeline and changes its graph band', async ({
  page,
}) => {
  await page.goto(siteUrl('lab', 'backends'));
  await expect(row(page, 'b2').locator('[data-state]').first()).toHaveAttribute('data-state', 'up');
  world.setFailing('b2', true);
  await expect(row(page, 'b2').locator('[data-state]').first()).toHaveAttribute('data-state', 'down');
  await expect(row(page, 'b2')).toHaveClass(/row-down/);
  await expect(row(page, 'b2')).toContainText('L7STS');
  await shot(page, 'e2e-backend-down');
  await page.getByRole('link', { name: 'timeline' }).click();
  const list = page.getByRole('table', { name: 'Transitions, newest first' });
  await expect(list.locator('tr', { hasText: 'b2' }).filter({ hasText: 'L7STS' }).first()).toBeVisible();
  await shot(page, 'e2e-timeline');
  await page.getByRole('link', { name: 'graphs' }).click();
  const graph = page.getByRole('figure', { name: 'probe latency and state of b2' });
  await expect(graph.getByTestId('band-states')).toContainText('down');
  await expect(graph.getByTestId('band-states')).toContainText('up');
  await shot(page, 'e2e-graph-band');
  world.setFailing('b2', false);
});

test('pause and resume round-trip through confirms', async ({ page }) => {
  await page.goto(siteUrl('lab', 'backends'));
  const state = row(page, 'b1').locator('[data-state]').first();
  await expect(state).toHaveAttribute('data-state', 'up');
  await row(page, 'b1').getByRole('button', { name: 'Pause b1' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('probing stops');
  await dialog.getByRole('button', { name: 'Confirm pause' }).click();
  await expect(state).toHaveAttribute('data-state', 'paused');
  await shot(page, 'e2e-paused');
  await row(page, 'b1').getByRole('button', { name: 'Resume b1' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm resume' }).click();
  await expect(state).toHaveAttribute('data-state', 'up');
});

async function replaceEditorText(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Config YAML' });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test('a config edit with an error shows it at its line and Apply is refused', async ({ page }) => {
  await page.goto(siteUrl('lab', 'config'));
  const original = readFileSync(world.localConfig, 'utf8');
  await expect(page.getByRole('textbox', { name: 'Config YAML' })).toContainText('e2e lab site');
  const broken = original.replace(
    'b2: { address: 127.0.0.12, healthcheck: web }',
    'b2: { address: 127.0.0.12, healthcheck: wbe }',
  );
  const line = broken.split('\n').findIndex((l) => l.includes('healthcheck: wbe')) + 1;
  await replaceEditorText(page, broken);
  const problems = page.getByRole('list', { name: 'Config problems' });
  await expect(problems).toContainText(`${line}:`);
  await expect(problems).toContainText('did you mean "web"');
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await shot(page, 'e2e-config-error');
  expect(readFileSync(world.localConfig, 'utf8')).toBe(original);
});

test('a valid config edit shows its diff and applies', async ({ page }) => {
  await page.goto(siteUrl('lab', 'config'));
  const original = readFileSync(world.localConfig, 'utf8');
  await expect(page.getByRole('textbox', { name: 'Config YAML' })).toContainText('e2e lab site');
  await replaceEditorText(page, original.replace('b2: { weight: 100 }', 'b2: { weight: 40 }'));
  await page.getByRole('button', { name: 'Validate & diff' }).click();
  const diff = page.getByRole('region', { name: 'What Apply will do' });
  await expect(diff).toContainText('web-vip');
  await expect(diff).toContainText('weights only');
  await shot(page, 'e2e-config-diff');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('region', { name: 'What changed' })).toBeVisible();
  const saved = readFileSync(world.localConfig, 'utf8');
  expect(saved).toContain('b2: { weight: 40 }');
  expect(saved).toContain('# e2e lab site');
  await page.getByRole('link', { name: 'backends' }).click();
  await expect(row(page, 'b2').locator('td').nth(1)).toHaveText('40');
  await shot(page, 'e2e-config-applied');
});

test('Enter on a focused row opens the backend detail; Escape closes it', async ({ page }) => {
  await page.goto(siteUrl('lab', 'backends'));
  await expect(row(page, 'b1').locator('[data-state]').first()).toHaveAttribute('data-state', 'up');
  await page.keyboard.press('j');
  await expect(row(page, 'b1')).toBeFocused();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary', { name: 'backend b1' });
  await expect(detail).toContainText('127.0.0.11');
  await expect(detail.getByRole('table', { name: 'Pools of this backend' })).toContainText('web-vip');
  await expect(detail).toContainText(/http port \d+ \/healthz/);
  await shot(page, 'e2e-backend-detail');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(row(page, 'b1')).toBeFocused();
});

test('the charts of a VIP zoom together and reset', async ({ page }) => {
  await page.goto(siteUrl('lab', 'graphs'));
  const overs = page.locator('.u-over');
  await expect(overs).toHaveCount(3);
  const box = (await overs.first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + 30, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByText('zoomed · refreshes every 5 s')).toBeVisible();
  await page.mouse.move(box.x + box.width * 0.6, box.y + 40);
  await expect(page.getByRole('tooltip')).toContainText(/pass|FAIL/);
  await shot(page, 'e2e-graphs-zoomed');
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(page.getByText('last hour · refreshes every 5 s')).toBeVisible();
});

test('the theme toggle switches to the light theme and back', async ({ page }) => {
  await page.goto(siteUrl('lab', 'backends'));
  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await expect(html).not.toHaveAttribute('data-theme', before ?? '');
  await shot(page, `e2e-theme-${await html.getAttribute('data-theme')}`);
  await page.reload();
  await expect(html).not.toHaveAttribute('data-theme', before ?? '');
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await expect(html).toHaveAttribute('data-theme', before ?? '');
  await shot(page, `e2e-theme-${before}`);
});
