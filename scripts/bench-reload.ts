// Reload benchmark (issue 8): a checker with N backends (default 10,000) on a counting prober, then a
// reload that changes 1% of the backends' addresses. Reports the time spent inside `checker.reload` (goal
// < 200 ms) and the probes missed by the unchanged backends around the reload (goal: zero), counted by the
// prober: a backend misses a probe when two of its probes are further apart than 1.5 × interval (the
// checker's jitter is ±10%, so a regular schedule never gets there).
//
//   npm run bench:reload -- [--n 10000] [--changed-frac 0.01] [--warmup 4] [--after 4]
import { createChecker } from '../src/core/checker';
import { loadConfig } from '../src/core/config';
import type { Prober, ProberKind, ProberRegistry, ProbeTarget } from '../src/core/prober';
import { createSystemClock } from '../src/core/util';
import { numberArg } from './bench-support';

const INTERVAL_MS = 1000;

/** The harness's config shape: one HTTP check, N backends; `moved` backends get another address. */
function configText(n: number, moved: ReadonlySet<number>): string {
  const lines = [
    'maglev:',
    '  healthchecks:',
    '    hc:',
    '      type: http',
    '      port: 8080',
    '      params: { path: /healthz, response-code: 200 }',
    '      interval: 1s',
    '      fast-interval: 500ms',
    '      down-interval: 5s',
    '      timeout: 1s',
    '      rise: 2',
    '      fall: 3',
    '  backends:',
  ];
  for (let i = 0; i < n; i++) {
    const net = moved.has(i) ? 2 : 1;
    lines.push(
      `    b${String(i).padStart(5, '0')}: { address: 127.${net}.${Math.floor(i / 250)}.${1 + (i % 250)}, healthcheck: hc }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function load(text: string) {
  const r = loadConfig(text, { fileName: 'bench.yaml' });
  if (!r.ok) throw new Error(`bench config does not load: ${r.issues[0]?.message}`);
  return r.config;
}

/** A prober that records when each address was probed and answers OK on the next turn of the loop. */
function countingRegistry(starts: Map<string, number[]>): ProberRegistry {
  const prober = (kind: ProberKind): Prober => ({
    kind,
    probe: (target: ProbeTarget) => {
      const now = performance.now();
      const list = starts.get(target.address);
      if (list) list.push(now);
      else starts.set(target.address, [now]);
      return new Promise((resolve) =>
        setImmediate(() => resolve({ ok: true, code: 'L7OK', detail: '200', durationMs: 0 })),
      );
    },
  });
  return { get: prober, dispose: async () => {} };
}

async function main(): Promise<void> {
  const n = numberArg('n', 10_000);
  const frac = numberArg('changed-frac', 0.01);
  const warmupMs = numberArg('warmup', 4) * 1000;
  const afterMs = numberArg('after', 4) * 1000;
  const moved = new Set<number>();
  for (let i = 0; moved.size < Math.round(n * frac); i += Math.floor(1 / frac)) moved.add(i % n);
  const starts = new Map<string, number[]>();
  const checker = createChecker({
    config: load(configText(n, new Set())),
    probers: countingRegistry(starts),
    clock: createSystemClock(),
    random: Math.random,
  });
  const next = load(configText(n, moved));
  checker.start();
  await new Promise((r) => setTimeout(r, warmupMs));
  const t0 = performance.now();
  const summary = checker.reload(next);
  const wallMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, afterMs));
  await checker.stop();
  let missed = 0;
  let worstGap = 0;
  for (let i = 0; i < n; i++) {
    if (moved.has(i)) continue;
    const list = (starts.get(`127.1.${Math.floor(i / 250)}.${1 + (i % 250)}`) ?? []).filter(
      (t) => t > t0 - 2 * INTERVAL_MS,
    );
    const ends = [...list, performance.now()];
    for (let k = 1; k < ends.length; k++) {
      const gap = (ends[k] as number) - (ends[k - 1] as number);
      worstGap = Math.max(worstGap, gap);
      if (gap > 1.5 * INTERVAL_MS) missed += Math.floor(gap / INTERVAL_MS) - 1 || 1;
    }
  }
  const movedProbed = [...moved].filter(
    (i) => (starts.get(`127.2.${Math.floor(i / 250)}.${1 + (i % 250)}`) ?? []).length > 0,
  ).length;
  const result = {
    n,
    changed: moved.size,
    reloadMs: +summary.elapsedMs.toFixed(1),
    reloadWallMs: +wallMs.toFixed(1),
    goalMs: 200,
    unchangedMissedProbes: missed,
    unchangedWorstGapMs: +worstGap.toFixed(1),
    changedBackendsProbedAtNewAddress: movedProbed,
  };
  console.log(JSON.stringify(result));
  // Goals are reported, not enforced: the numbers go into docs/benchmarks.md either way.
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(`bench:reload: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
