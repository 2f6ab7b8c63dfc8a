// Fault 4: property-based fuzzing of the config validator (fast-check).
// Sources: token soup, random trees in the schema's vocabulary, near-valid configs (right in kind,
// wrong in detail) and the fixtures with random edits. Each must
//   * come back from loadConfig as a result, never a throw: ok with a config, or parse/semantic errors,
//     each with a path, a 1-based line and column and a message (and never the loader's last-resort
//     "internal error", which means something inside threw);
//   * take at most 1 s each (spec/config.md: linear time; a stall of this shared machine is told
//     apart from a slow input by timing the input a second time);
//   * never apply when invalid: applied to a real local site (file on disk, running checker), an
//     invalid text is refused with CONFIG_INVALID and leaves the file's bytes and what the site runs
//     exactly as they were; a valid one applies (and the base is put back).
// Every run draws new inputs; a failure prints fast-check's seed and path to replay it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type LoadResult } from '../../src/core/config';
import {
  mutatedFixtureText,
  readFixtures,
  schemaShapedText,
  yamlishText,
} from './support/config-arbitraries';
import { startFuzzSite, type FuzzSite } from './support/fuzz-site';
import { nearValidText } from './support/near-valid-config';

const LIMIT_MS = 1000;
/** Inputs per source: loaded alone, and applied to the site (about 25 s in all on a 2-vCPU machine). */
const LOAD_RUNS = 6000;
const APPLY_RUNS = 600;
const fixturesDir = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const FIXTURES = readFixtures([fixturesDir('config'), fixturesDir('sites'), fixturesDir('grpc')]);
const BASE = readFileSync(fixturesDir('sites/small.yaml'), 'utf8');

const sources: [string, fc.Arbitrary<string>][] = [
  ['token soup', yamlishText],
  ['schema-shaped trees', schemaShapedText],
  ['near-valid configs', nearValidText],
  ['mutated fixtures', mutatedFixtureText(FIXTURES)],
];

/** Loads `text`; a run over the limit is timed again, and only a second slow run counts. */
function timedLoad(text: string): { r: LoadResult; ms: number } {
  const t0 = performance.now();
  const r = loadConfig(text, { fileName: 'maglev.yaml' });
  const ms = performance.now() - t0;
  if (ms <= LIMIT_MS) return { r, ms };
  const t1 = performance.now();
  loadConfig(text, { fileName: 'maglev.yaml' });
  return { r, ms: Math.min(ms, performance.now() - t1) };
}

/** What is wrong with a load result's shape, or null. */
function shapeProblem(r: LoadResult, text: string): string | null {
  if (r.ok) return typeof r.config === 'object' && r.config !== null ? null : 'ok without a config';
  if (r.kind !== 'parse' && r.kind !== 'semantic') return `kind ${String(r.kind)}`;
  if (r.issues.length === 0) return 'failed without an issue';
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const i of r.issues) {
    if (i.kind !== 'parse' && i.kind !== 'semantic') return `issue kind ${i.kind}`;
    if (typeof i.path !== 'string' || typeof i.message !== 'string' || i.message.trim() === '')
      return `issue ${JSON.stringify(i)}`;
    if (
      !Number.isInteger(i.line) ||
      !Number.isInteger(i.col) ||
      i.line < 1 ||
      i.col < 1 ||
      i.line > lines + 1
    )
      return `position ${i.line}:${i.col}`;
    if (i.message.startsWith('internal error')) return `the loader threw inside: ${i.message}`;
  }
  return null;
}

describe('config validator under fuzzing', () => {
  for (const [name, arb] of sources) {
    it(`${name}: only config results, each within ${LIMIT_MS} ms`, () => {
      let valid = 0;
      let slowest = 0;
      fc.assert(
        fc.property(arb, (text) => {
          const { r, ms } = timedLoad(text);
          slowest = Math.max(slowest, ms);
          if (r.ok) valid++;
          expect(shapeProblem(r, text)).toBeNull();
          expect(ms).toBeLessThanOrEqual(LIMIT_MS);
        }),
        { numRuns: LOAD_RUNS },
      );
      console.info(
        `[faults] fuzz ${name}: ${LOAD_RUNS} inputs, ${valid} valid, slowest ${slowest.toFixed(1)} ms`,
      );
    });
  }
});

describe('fuzzed configs applied to a running local site', () => {
  let fz: FuzzSite | null = null;

  beforeAll(async () => {
    fz = await startFuzzSite(BASE);
    // The site runs: its checker probes web-a on the fake clock and sees it up.
    await fz.clock.advance(3000);
    expect(fz.site.getBackend('web-a')?.state).toBe('up');
  });

  afterAll(async () => {
    await fz?.dispose();
  });

  for (const [name, arb] of sources) {
    it(`${name}: an invalid text never applies, a valid one does`, async () => {
      const f = fz as FuzzSite;
      const baseBytes = f.fileBytes();
      const probedBefore = f.probed.length;
      let refused = 0;
      let applied = 0;
      await fc.assert(
        fc.asyncProperty(arb, async (text) => {
          const valid = loadConfig(text, { fileName: 'maglev.yaml' }).ok;
          const running = f.running();
          const t0 = performance.now();
          const r = await f.site.applyConfig(text);
          const ms = performance.now() - t0;
          if (!valid) {
            refused++;
            expect(r.ok ? 'applied' : r.error.code).toBe('CONFIG_INVALID');
            // The whole operation (queue, validation, message); the validator's own bound is above.
            expect(ms).toBeLessThanOrEqual(LIMIT_MS * 2);
            expect(f.fileBytes().equals(baseBytes)).toBe(true);
            expect(f.running()).toBe(running);
            return;
          }
          applied++;
          expect(r.ok).toBe(true);
          // Put the base back (the fake clock did not move, so nothing was probed meanwhile).
          expect((await f.site.applyConfig(BASE)).ok).toBe(true);
          expect(f.fileBytes().equals(baseBytes)).toBe(true);
        }),
        { numRuns: APPLY_RUNS },
      );
      console.info(`[faults] fuzz apply ${name}: ${refused} refused, ${applied} applied and reverted`);
      // Nothing was probed while the clock stood still; afterwards the base config probes on.
      expect(f.probed.length).toBe(probedBefore);
      await f.clock.advance(3000);
      expect(f.probed.slice(probedBefore).every((a) => a === '127.0.0.1')).toBe(true);
      expect(f.probed.length).toBeGreaterThan(probedBefore);
      expect(f.site.getBackend('web-a')?.state).toBe('up');
    });
  }
});
