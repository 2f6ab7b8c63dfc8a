import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppProtocolHandler, resolveAppFile, registerAppScheme, APP_INDEX_URL } from './app-protocol';
import { APP_CSP } from './security';

describe('resolveAppFile', () => {
  const root = '/app/out/renderer';
  it.each([
    ['app://maglev/index.html', '/app/out/renderer/index.html'],
    ['app://maglev/', '/app/out/renderer/index.html'],
    ['app://maglev/assets/index-abc.js', '/app/out/renderer/assets/index-abc.js'],
    ['app://maglev/site/demo', '/app/out/renderer/index.html'],
    ['app://maglev/a%20b.css', '/app/out/renderer/a b.css'],
  ])('%s → %s', (url, file) => {
    expect(resolveAppFile(root, url)).toBe(file);
  });

  it.each(['app://maglev/../../etc/passwd.txt', 'app://maglev/%2e%2e/%2e%2e/etc/passwd.txt'])(
    'keeps %s inside the root (the URL parser folds dot segments)',
    (url) => {
      expect(resolveAppFile(root, url)).toBe('/app/out/renderer/etc/passwd.txt');
    },
  );

  it.each([
    'app://maglev/assets/..%2f..%2f..%2fetc/passwd.txt',
    'app://maglev/..%5c..%5csecret.txt',
    'app://maglev/a%00.js',
    'app://maglev/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://maglev/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'app-proto-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><p>hi</p>');
    await writeFile(join(dir, 'assets', 'x.js'), 'console.log(1)');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('serves files with the CSP and a content type', async () => {
    const handle = createAppProtocolHandler({ rootDir: dir, csp: APP_CSP, readFile });
    const page = await handle({ url: APP_INDEX_URL, method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('hi');
    const js = await handle({ url: 'app://maglev/assets/x.js', method: 'GET' });
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for missing or escaping paths and 405 for other methods', async () => {
    const handle = createAppProtocolHandler({ rootDir: dir, csp: APP_CSP, readFile });
    expect((await handle({ url: 'app://maglev/assets/none.js', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'app://maglev/%2e%2e/secret.txt', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: APP_INDEX_URL, method: 'POST' })).status).toBe(405);
  });

  it('registers app: as a standard, secure scheme', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => calls.push(s), handle: () => {} });
    expect(calls).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });
});
