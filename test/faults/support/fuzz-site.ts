// Test-only: a real local site (config file on disk, checker, config operations) on a fake clock and a
// counting prober, for applying fuzzed configs to. Time moves only when the test says so and no probe
// touches the network, so a fuzzed config that points anywhere (10.x, 2001:db8::) is harmless.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, NULL_SINK } from '../../../src/core/log';
import type { ProbeOutcome, ProberKind, ProberRegistry } from '../../../src/core/prober';
import { createFakeClock, type FakeClock } from '../../../src/core/scheduler';
import { createLocalSite, type Site } from '../../../src/core/sites';

export interface FuzzSite {
  site: Site;
  clock: FakeClock;
  path: string;
  /** Addresses probed so far, in order. */
  readonly probed: readonly string[];
  /** The file's bytes now. */
  fileBytes(): Buffer;
  /** What the site runs, as JSON: backends (with state), frontends and health checks. */
  running(): string;
  dispose(): Promise<void>;
}

const PASS: ProbeOutcome = { ok: true, code: 'L7OK', detail: 'HTTP 200', durationMs: 1 };

/** Starts a local site on `baseYaml` (written to a fresh temp dir). */
export async function startFuzzSite(baseYaml: string): Promise<FuzzSite> {
  const dir = mkdtempSync(join(tmpdir(), 'maglev-faults-fuzz-'));
  const path = join(dir, 'maglev.yaml');
  writeFileSync(path, baseYaml);
  const clock = createFakeClock();
  const probed: string[] = [];
  const probers: ProberRegistry = {
    get: (kind: ProberKind) => ({
      kind,
      probe: (target) => {
        probed.push(target.address);
        return Promise.resolve(PASS);
      },
    }),
    dispose: async () => {},
  };
  const site = await createLocalSite({
    id: 'fuzz',
    spec: { name: 'Fuzz', kind: 'local', config: path },
    clock,
    random: () => 0.5,
    logger: createLogger('faults.fuzz', NULL_SINK),
    probers,
  });
  return {
    site,
    clock,
    path,
    probed,
    fileBytes: () => readFileSync(path),
    running: () =>
      JSON.stringify({
        backends: site.listBackends(),
        frontends: site.listFrontends(),
        healthchecks: site.listHealthChecks(),
      }),
    async dispose() {
      await site.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
