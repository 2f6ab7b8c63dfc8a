// npm run bench:ui — how fast the site view follows a flood of transitions, measured in Chromium
// through the real web host: one site of 10,000 backends, 1,000 transitions/s for a fixed window.
// Prints p50/p99 of "transition emitted in the checker's process → its row changed on screen" (same
// machine, same wall clock) and the page's frame times while the flood runs.
// The site is synthetic (an in-memory Site that emits the transitions) so that the figure measures the
// service's batching, the WebSocket bridge and the renderer, not 10,000 loopback servers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { createSiteManager, createSiteService } from '../src/core/sites';
import { createFakeSite } from '../src/core/sites/testing/fake-site';
import { createLogger, NULL_SINK } from '../src/core/log';
import { createSystemClock } from '../src/core/util';
import { buildRenderer, isRendererStale } from '../src/web/ensure-renderer';
import { startWebHost } from '../src/web/web-host';

const N = Number(process.env.BENCH_UI_N ?? 10_000);
const RATE = Number(process.env.BENCH_UI_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_UI_SECONDS ?? 15);
const ROOT = resolve(__dirname, '..');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};

async function main(): Promise<void> {
  if (await isRendererStale(ROOT, join(ROOT, 'out', 'renderer'))) {
    const b = await buildRenderer(ROOT, createLogger('bench', NULL_SINK));
    if (!b.ok) throw new Error(b.error.message);
  }
  const dir = mkdtempSync(join(tmpdir(), 'maglev-bench-ui-'));
  const sitesPath = join(dir, 'sites.yaml');
  writeFileSync(sitesPath, 'sites:\n  - name: Big\n    kind: local\n    config: big.yaml\n');
  const names = Array.from({ length: N }, (_, i) => `b${i}`);
  const site = createFakeSite('big', { name: 'Big', kind: 'local', config: join(dir, 'big.yaml') }, names);
  const clock = createSystemClock();
  const logger = createLogger('bench', NULL_SINK);
  const manager = createSiteManager({ sitesPath, clock, random: Math.random, logger, siteFactory: () => site, demoFactory: null });
  await manager.start();
  const service = createSiteService({ manager, readOnly: true, version: 'bench', sitesPath, host: 'web', user: 'bench', clock, logger });
  const host = await startWebHost({ service, rendererDir: join(ROOT, 'out', 'renderer'), port: 0, readOnly: true, logger });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url.replace(/\/?(\?|$)/, '/$1') + '#/site/big/backends');
    await page.waitForSelector('tr[data-backend="b0"]', { timeout: 60_000 });
    // A string, not a function: tsx's name-keeping helpers do not exist in the page.
    await page.evaluate(`(() => {
      const w = window;
      w.__lat = []; w.__frames = []; w.__stop = false;
      let last = performance.now();
      const tick = (t) => { w.__frames.push(t - last); last = t; if (!w.__stop) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      new MutationObserver((muts) => {
        const now = Date.now();
        for (const m of muts) {
          const row = m.target.closest && m.target.closest('tr[data-backend]');
          const cell = row && row.querySelector('td[title]');
          const since = cell && cell.getAttribute('title');
          if (m.attributeName === 'data-state' && since) w.__lat.push(now - Date.parse(since));
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    })()`);
    // The flood: RATE transitions a second, half of them on the rows in view (b0..b19) so they can be timed.
    const state = new Map<string, 'up' | 'down'>();
    let sent = 0;
    const t0 = Date.now();
    const timer = setInterval(() => {
      // Catch up to the schedule: timers drift under load, the rate must not.
      const due = Math.floor(((Date.now() - t0) / 1000) * RATE) - sent;
      for (let i = 0; i < due; i++) {
        const b = i % 2 === 0 ? `b${Math.floor(Math.random() * 20)}` : names[Math.floor(Math.random() * N)]!;
        const to = state.get(b) === 'down' ? 'up' : 'down';
        state.set(b, to);
        site.transition(b, to, Date.now(), to === 'down' ? 'L7STS' : 'L7OK');
        sent++;
      }
    }, 10);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    clearInterval(timer);
    const { lat, frames } = (await page.evaluate(
      '(() => { window.__stop = true; return { lat: window.__lat, frames: window.__frames.slice(1) }; })()',
    )) as { lat: number[]; frames: number[] };
    const rows = [
      ['backends', String(N)],
      ['transitions sent', `${sent} in ${SECONDS}s (${Math.round(sent / SECONDS)}/s)`],
      ['row updates timed', String(lat.length)],
      ['transition → row on screen p50 / p99', `${pct(lat, 50)} ms / ${pct(lat, 99)} ms`],
      ['frame time p50 / p99 / max', `${pct(frames, 50).toFixed(1)} / ${pct(frames, 99).toFixed(1)} / ${Math.max(...frames).toFixed(1)} ms`],
      ['frames over 50 ms', `${frames.filter((f) => f > 50).length} of ${frames.length}`],
    ];
    console.log('| bench:ui | value |\n|---|---|');
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  } finally {
    await browser.close();
    await host.close();
    await service.dispose();
    await manager.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench:ui: ${(e as Error).message}`);
    process.exit(1);
  },
);
