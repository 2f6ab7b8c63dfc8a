// The visual config editor (issue 9) in real Chromium through the web host, against the real core:
// drag a backend into the standby pool, set a weight with the slider, apply, and check the running
// checker and the file on disk; invalid changes are refused with the error at the field.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import type { FrontendInfo } from '../../src/shared/model';
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
const describedBy = async (page: Page, id: string | null) => (id ? await page.locator(`[id="${id}"]`).textContent() : null);

/** Asks the web host for the site's running frontends over the page's own WebSocket (frontends:list). */
async function runningFrontends(page: Page): Promise<FrontendInfo[]> {
  return page.evaluate(async () => {
    // Runs in the page (this file is type-checked without the DOM lib).
    const { location } = globalThis as unknown as { location: { search: string; host: string } };
    const token = new URLSearchParams(location.search).get('token') ?? '';
    const ws = new WebSocket(`ws://${location.host}/api/ws?token=${encodeURIComponent(token)}`);
    return new Promise<FrontendInfo[]>((resolve, reject) => {
      ws.onopen = () => ws.send(JSON.stringify({ id: 1, op: 'frontends:list', payload: { site: 'lab' } }));
      ws.onmessage = (m) => {
        const msg = JSON.parse(String(m.data)) as { id?: number; result?: { ok: boolean; value: FrontendInfo[]; error?: { message: string } } };
        if (msg.id !== 1 || !msg.result) return;
        ws.close();
        if (msg.result.ok) resolve(msg.result.value);
        else reject(new Error(msg.result.error?.message));
      };
      ws.onerror = () => reject(new Error('websocket failed'));
    });
  });
}

test('drag a backend to the standby pool, set a weight with the slider, apply: the checker and the file follow', async ({ page }) => {
  await page.goto(siteUrl('lab', 'config'));
  const vip = page.getByRole('region', { name: 'Frontend web-vip' });
  const primary = vip.getByRole('region', { name: 'Pool primary of web-vip' });
  const standby = vip.getByRole('region', { name: 'Pool standby of web-vip' });
  await expect(primary.getByRole('group', { name: 'Member b2 of pool primary' })).toBeVisible();
  await shot(page, 'e2e-config-visual');

  // Grab the row by its handle (its middle is the weight slider) and drop it on the standby pool.
  await primary.getByRole('group', { name: 'Member b2 of pool primary' }).locator('.ve-grip').dragTo(standby.locator('.ve-pool-head'));
  await expect(standby.getByRole('group', { name: 'Member b2 of pool standby' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Config YAML' })).toContainText(/- name: standby\s+backends:\s+b3: \{\}\s+b2: \{ weight: 100 \}/);

  const slider = primary.getByRole('slider', { name: 'Weight of b1' });
  await slider.focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
  await expect(primary.getByRole('spinbutton', { name: 'Weight of b1, number' })).toHaveValue('60');
  await expect(page.getByRole('textbox', { name: 'Config YAML' })).toContainText('b1: { weight: 60 }');

  const plan = page.getByRole('region', { name: 'What Apply will do' });
  await expect(plan).toContainText('Frontend web-vip');
  await expect(plan).toContainText('b1');
  await shot(page, 'e2e-config-visual-plan');
  // The slider's 40 steps are one undo step: Undo once brings b1 back to 100 and keeps the move.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(primary.getByRole('spinbutton', { name: 'Weight of b1, number' })).toHaveValue('100');
  await expect(standby.getByRole('group', { name: 'Member b2 of pool standby' })).toBeVisible();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(primary.getByRole('spinbutton', { name: 'Weight of b1, number' })).toHaveValue('60');

  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('region', { name: 'What changed' })).toBeVisible();
  await expect(page.getByText('modified')).toBeHidden();
  await shot(page, 'e2e-config-visual-applied');

  const running = (await runningFrontends(page)).find((f) => f.name === 'web-vip')!;
  expect(running.pools.map((p) => [p.name, p.backends.map((m) => `${m.name}=${m.weight}`)])).toEqual([
    ['primary', ['b1=60']],
    ['standby', ['b3=100', 'b2=100']],
  ]);
  const saved = readFileSync(world.localConfig, 'utf8');
  expect(saved).toContain('# e2e lab site');
  const pools = (parse(saved) as { maglev: { frontends: { 'web-vip': { pools: { name: string; backends: Record<string, { weight?: number }> }[] } } } }).maglev.frontends['web-vip'].pools;
  expect(pools.map((p) => [p.name, Object.keys(p.backends)])).toEqual([['primary', ['b1']], ['standby', ['b3', 'b2']]]);
  expect(pools[0]!.backends.b1!.weight).toBe(60);

  await page.getByRole('link', { name: 'backends' }).click();
  await expect(page.getByRole('table', { name: 'web-vip pool standby' }).locator('tr[data-backend="b2"]')).toBeVisible();
  await expect(page.getByRole('table', { name: 'web-vip pool primary' }).locator('tr[data-backend="b1"] td').nth(1)).toHaveText('60');
  await shot(page, 'e2e-config-visual-backends');
});

test('invalid changes are refused with the error at the field, and nothing reaches the file', async ({ page }) => {
  await page.goto(siteUrl('lab', 'config'));
  const before = readFileSync(world.localConfig, 'utf8');
  const address = page.getByRole('textbox', { name: 'Address of b3' });
  await address.fill('bogus');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  expect(await describedBy(page, await address.getAttribute('aria-describedby'))).toBe('address "bogus" is not an IP address (names are never resolved)');
  await expect(page.getByText('1 problem: Apply is refused until fixed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeDisabled();
  await shot(page, 'e2e-config-visual-invalid-address');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(address).toHaveValue('127.0.0.13');
  await expect(address).not.toHaveAttribute('aria-invalid', 'true');

  // An IPv6 backend cannot go into the IPv4 frontend's pool: the add form says why and does not send it.
  await page.getByRole('button', { name: 'Add backend' }).click();
  const form = page.getByRole('form', { name: 'Add backend' });
  await form.getByLabel('Name').fill('b6');
  await form.getByLabel('Put into pool').selectOption({ label: 'web-vip / primary' });
  await form.getByLabel('Address').fill('2001:db8::6');
  await expect(form.getByLabel('Address')).toHaveAttribute('aria-invalid', 'true');
  expect(await describedBy(page, await form.getByLabel('Address').getAttribute('aria-describedby'))).toContain('IPv6 address, but frontend web-vip is IPv4');
  await expect(form.getByRole('button', { name: 'Add backend' })).toBeDisabled();
  await shot(page, 'e2e-config-visual-family');
  expect(readFileSync(world.localConfig, 'utf8')).toBe(before);
});
