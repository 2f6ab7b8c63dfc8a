#!/usr/bin/env node
// Real-Electron smoke suite (`npm run test:electron`). When an Electron binary is installed, it builds
// the app, launches it with Playwright's _electron on a throw-away sites file (so the demo site runs),
// and checks: the window opens on app://maglev, window.maglev answers app:info and sites:list, the page
// has no Node, and the window's effective web preferences are the hardened ones. Without a binary (CI
// and build machines cannot download one) it prints why it skipped and exits 0.
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Returns the Electron binary path, or the reason there is none. */
function findElectron() {
  let path;
  try {
    path = require('electron');
  } catch (e) {
    return { reason: String(e?.message ?? e).split('\n')[0] };
  }
  if (typeof path !== 'string') return { reason: 'the electron package did not give a binary path' };
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return { reason: `${path} is missing or not executable` };
  }
  return { path };
}

const found = findElectron();
if (!found.path) {
  console.log(`skipped: no Electron binary (${found.reason})`);
  process.exit(0);
}

const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
};

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
const { _electron: electron } = await import('playwright');
const dir = mkdtempSync(join(tmpdir(), 'maglev-electron-'));
const env = { ...process.env };
delete env.ELECTRON_RENDERER_URL; // the built app, never a dev server
const app = await electron.launch({
  executablePath: found.path,
  args: [ROOT, '--sites', join(dir, 'sites.yaml'), `--user-data-dir=${join(dir, 'user-data')}`],
  env,
  timeout: 60_000,
});
try {
  const page = await app.firstWindow({ timeout: 60_000 });
  await page.waitForLoadState('domcontentloaded');
  check('window loads the app page', page.url().startsWith('app://maglev/'), page.url());
  check('window.maglev is exposed', (await page.evaluate(() => typeof window.maglev)) === 'object');
  check('the page has no Node', (await page.evaluate(() => [typeof window.require, typeof window.process, typeof window.ipcRenderer])).every((t) => t === 'undefined'));
  const info = await page.evaluate(() => window.maglev.app.info({}));
  check('app:info answers', info.ok === true && info.value.host === 'electron', JSON.stringify(info).slice(0, 200));
  const sites = await page.evaluate(() => window.maglev.sites.list({}));
  check('sites:list answers with the demo site', sites.ok === true && sites.value.some((s) => s.demo), JSON.stringify(sites).slice(0, 200));
  const bad = await page.evaluate(() => window.maglev.backends.setWeight({ site: 'demo', weight: 'heavy' }));
  check('a malformed request is an error value', bad.ok === false && bad.error.code === 'INVALID_REQUEST');
  check('window.open is denied', (await page.evaluate(() => window.open('https://example.com') === null)) === true);
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const p = BrowserWindow.getAllWindows()[0].webContents.getLastWebPreferences();
    return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, webviewTag: p.webviewTag };
  });
  check(
    'web preferences are hardened',
    prefs.contextIsolation === true && prefs.sandbox === true && prefs.nodeIntegration === false && prefs.webSecurity === true && prefs.webviewTag === false,
    JSON.stringify(prefs),
  );
} catch (e) {
  check('smoke run', false, e?.message ?? String(e));
} finally {
  await app.close().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
const failed = checks.filter((c) => !c.ok).length;
console.log(failed === 0 ? `electron smoke: ${checks.length} checks passed` : `electron smoke: ${failed} of ${checks.length} checks failed`);
process.exit(failed === 0 ? 0 : 1);
