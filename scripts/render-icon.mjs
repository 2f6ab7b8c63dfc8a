#!/usr/bin/env node
// Renders resources/icon.svg to resources/icon.png (256×256, transparent corners) with headless
// Chromium, so that the PNG the app ships is always the committed SVG. Needs a Chromium binary:
// CHROMIUM=/path or /usr/bin/chromium (Debian: apt-get install chromium).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(ROOT, 'resources', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(ROOT, 'resources', 'icon.png'), omitBackground: true });
  console.log('render-icon: resources/icon.png');
} finally {
  await browser.close();
}
