#!/usr/bin/env node
// Issue 8's performance table: HAProxy, the C epoll floor and this project's daemon, each run by the shared
// harness (../shared/bench, copied and built into bench-out/ so nothing is written into the shared tree) on
// the same loopback farm in one invocation, so the rows are comparable. Prints one table and rewrites the
// generated parts of docs/benchmarks.md (between the bench markers; the hand-written analysis is kept).
// `--only reload,fanout` runs only the in-process benchmarks (scripts/bench-reload.ts, bench-fanout.ts).
//
//   npm run bench -- [--n 1000,10000] [--quick] [--only haproxy,epoll,daemon,reload,fanout] [--no-doc]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '..', 'shared', 'bench');
const OUT = join(ROOT, 'bench-out');
const HARNESS = join(OUT, 'harness');
const DAEMON = join(ROOT, 'out', 'daemon', 'index.js');
const DOC = join(ROOT, 'docs', 'benchmarks.md');
const PARAMS = { interMs: 1000, fastinterMs: 500, downinterMs: 5000, timeoutMs: 1000, rise: 2, fall: 3 };

function parseArgs(argv) {
  const o = {
    n: [1000, 10000],
    quick: false,
    only: ['haproxy', 'epoll', 'daemon', 'reload', 'fanout'],
    doc: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--no-doc') o.doc = false;
    else if (a === '--n') o.n = String(argv[++i]).split(',').map(Number);
    else if (a === '--only') o.only = String(argv[++i]).split(',');
    else
      throw new Error(
        `unknown option ${a} (known: --n 1000,10000 --quick --only haproxy,epoll,daemon,reload,fanout --no-doc)`,
      );
  }
  if (o.n.some((n) => !Number.isInteger(n) || n < 1 || n > 60000))
    throw new Error('--n takes integers in 1..60000');
  // The quick windows are reported in the table header, so a short run is never mistaken for a full one.
  o.timing = o.quick ? { warmup: 6, window: 10, windows: 2 } : { warmup: 10, window: 30, windows: 3 };
  return o;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function newestMtime(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Rebuilds the daemon bundle when it is missing or older than any source file. */
function ensureDaemon() {
  const stale = !existsSync(DAEMON) || statSync(DAEMON).mtimeMs < newestMtime(join(ROOT, 'src'));
  if (stale) run('npm', ['run', 'build:node'], { cwd: ROOT });
}

/** Copies the shared harness into bench-out/harness (without its outputs) and builds its C helpers there. */
function ensureHarness() {
  if (!existsSync(join(SHARED, 'run.mjs'))) {
    throw new Error(
      `benchmark harness not found at ${SHARED} (expected ../shared/bench next to the project root)`,
    );
  }
  mkdirSync(HARNESS, { recursive: true });
  cpSync(SHARED, HARNESS, { recursive: true, filter: (src) => !/[/\\](out|bin)$/.test(src) });
  run('make', ['-s', '-C', HARNESS]);
}

function checkerArgs(name, n) {
  const label = `${name}-http-n${n}`;
  if (name !== 'daemon') return { checker: name, label, extra: [] };
  const cmd = `node ${DAEMON} --config {yaml} --grpc-addr 127.0.0.1:0 --log-level warn`;
  return { checker: 'cmd', label, extra: ['--cmd', cmd] };
}

/** Runs one harness run and resolves with its summary line (the harness prints it as JSON last). */
function harnessRun(name, n, timing) {
  const { checker, label, extra } = checkerArgs(name, n);
  const args = [
    join(HARNESS, 'run.mjs'),
    '--checker',
    checker,
    '--n',
    String(n),
    '--check',
    'http',
    '--label',
    label,
    '--warmup',
    String(timing.warmup),
    '--window',
    String(timing.window),
    '--windows',
    String(timing.windows),
    '--inter-ms',
    String(PARAMS.interMs),
    '--fastinter-ms',
    String(PARAMS.fastinterMs),
    '--downinter-ms',
    String(PARAMS.downinterMs),
    '--timeout-ms',
    String(PARAMS.timeoutMs),
    '--rise',
    String(PARAMS.rise),
    '--fall',
    String(PARAMS.fall),
    ...extra,
  ];
  process.stderr.write(`bench: ${label} (${timing.warmup}s warm-up + ${timing.windows}x${timing.window}s)\n`);
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, args, { cwd: HARNESS, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', rej);
    child.on('close', (code) => {
      const line = out
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return rej(new Error(`harness run ${label} failed (exit ${code})`));
      res({ name, n, ...JSON.parse(line) });
    });
  });
}

const f = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toFixed(d));

function tableRows(results) {
  const head = [
    'N',
    'checker',
    'CPU ms/1k probes (user+sys)',
    '× HAProxy',
    'probes/s (achieved / scheduled)',
    'interval p50 / p99 / p99.9 / max ms',
    'p99 lateness ms',
    'RSS MiB',
    'RSS ≤ HAProxy',
    'busy %',
    'steal %',
  ];
  const rows = results.map((r) => {
    const ha = results.find((x) => x.n === r.n && x.name === 'haproxy');
    const ratio = ha && ha.checkerMsPer1k ? r.checkerMsPer1k / ha.checkerMsPer1k : null;
    const rssOk = ha && r.name !== 'haproxy' ? (r.checkerRssKb <= ha.checkerRssKb ? 'yes' : 'no') : '–';
    return [
      r.n,
      r.name,
      `${f(r.checkerMsPer1k)} (${f(r.checkerUserMsPer1k)}+${f(r.checkerSysMsPer1k)})`,
      f(ratio, 2),
      `${f(r.probesPerS, 0)} / ${f(r.expectedPerS, 0)} (${f(100 * r.ratio, 2)} %)`,
      `${f(r.intervalP50Ms)} / ${f(r.intervalP99Ms)} / ${f(r.intervalP999Ms)} / ${f(r.intervalMaxMs)}`,
      f(r.intervalP99Ms - PARAMS.interMs),
      f(r.checkerRssKb / 1024),
      rssOk,
      f(r.machineBusyPct),
      f(r.stealPct, 2),
    ];
  });
  return [head, ...rows];
}

function markdownTable(rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

function machine() {
  const model = cpus()[0]?.model ?? 'unknown';
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim();
  const haproxy =
    spawnSync('haproxy', ['-v'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? 'not installed';
  return { nproc, model, kernel: release(), node: process.version, haproxy };
}

/** Replaces the generated section `key` of docs/benchmarks.md, keeping everything around it. */
function writeSection(key, lines) {
  const start = `<!-- bench:${key}:start (generated by npm run bench) -->`;
  const end = `<!-- bench:${key}:end -->`;
  const section = [start, '', ...lines, '', end].join('\n');
  const old = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const a = old.indexOf(start);
  const b = old.indexOf(end);
  const next =
    a >= 0 && b > a
      ? old.slice(0, a) + section + old.slice(b + end.length)
      : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
}

function tableSection(o, results) {
  const m = machine();
  const t = o.timing;
  return [
    `Run on ${new Date().toISOString()} (\`npm run bench${o.quick ? ' -- --quick' : ''}\`).`,
    '',
    `Machine: ${m.nproc} vCPU, ${m.model}, Linux ${m.kernel}, Node ${m.node}, ${m.haproxy}.`,
    '',
    `HTTP checks, interval ${PARAMS.interMs} ms, fast ${PARAMS.fastinterMs} ms, down ${PARAMS.downinterMs} ms, ` +
      `timeout ${PARAMS.timeoutMs} ms, rise ${PARAMS.rise}, fall ${PARAMS.fall}; ${t.warmup} s warm-up then ` +
      `${t.windows} windows of ${t.window} s (medians). Probes counted at the farm. Lateness = interval p99 − ${PARAMS.interMs} ms.`,
    '',
    markdownTable(tableRows(results)),
  ];
}

/** Runs one in-process benchmark script (bench-reload.ts, bench-fanout.ts) and resolves with its JSON line. */
function scriptRun(name, args) {
  process.stderr.write(`bench: ${name}\n`);
  const r = spawnSync('npx', ['tsx', join(ROOT, 'scripts', `bench-${name}.ts`), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const line = (r.stdout ?? '')
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line)
    throw new Error(`bench:${name} failed: ${(r.stderr ?? '').trim().slice(-300)}`);
  return JSON.parse(line);
}

function fanoutText(r) {
  const iv = (x) => `p50 ${x.p50} / p99 ${x.p99} / max ${x.max} ms`;
  const elu = r.eventLoopUtilisation;
  return (
    `WatchEvents fan-out (bench:fanout, real gRPC on loopback, checker with a flipping fake prober): ${r.transitionsPerS} ` +
    `transitions/s to ${r.subscribers} subscribers, ${r.stalled} stalled (it received ${r.stalledEventsAfterMark} of them). ` +
    `Reading subscribers: ${r.readerEventsMin}–${r.readerEventsMax} events of ${r.transitionsAfterMark} after the mark; ` +
    `${r.readersMissingEvents} of ${r.subscribers - r.stalled} readers missed events (goal 0): ${r.readersReportingDrops} were told of drops, ` +
    `${r.readersBehindUntold} were still behind ${r.catchUpS} s after the transitions stopped. ` +
    `Checker probe interval (1 s ±10% jitter by design) without subscribers ${iv(r.intervalWithout)}; ` +
    `with them ${iv(r.intervalWith)}. The checker's thread (checker + gRPC server) used ${r.checkerThreadCpuMsPerS.without} ms CPU/s ` +
    `without subscribers, ${r.checkerThreadCpuMsPerS.with} ms/s with them (event-loop utilisation ${elu.daemonWithout} → ${elu.daemon}); ` +
    `the subscribers' thread ${elu.readers} (${r.decode} decoding). Load average (1 min) ${r.loadAverage1m}.`
  );
}

function reloadText(r) {
  return (
    `Reload of ${r.n} backends with ${r.changed} changed (bench:reload, counting prober, in process): ` +
    `${r.reloadMs} ms inside checker.reload (goal < ${r.goalMs} ms), ${r.unchangedMissedProbes} missed probes on unchanged ` +
    `backends (worst gap ${r.unchangedWorstGapMs} ms; goal 0), ${r.changedBackendsProbedAtNewAddress}/${r.changed} ` +
    'changed backends probed at their new address.'
  );
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.only.some((c) => !['reload', 'fanout'].includes(c))) ensureHarness();
  if (o.only.includes('daemon')) ensureDaemon();
  const haveHaproxy = spawnSync('haproxy', ['-v']).status === 0;
  const names = o.only.filter((c) => c !== 'haproxy' || haveHaproxy);
  if (!haveHaproxy) process.stderr.write('bench: haproxy is not installed; its rows are skipped\n');
  const results = [];
  for (const n of o.n)
    for (const name of names.filter((c) => !['reload', 'fanout'].includes(c)))
      results.push(await harnessRun(name, n, o.timing));
  if (results.length > 0) {
    const rows = tableRows(results);
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
    for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  '));
    writeFileSync(join(OUT, 'bench-results.json'), JSON.stringify(results, null, 1) + '\n');
    if (o.doc) writeSection('table', tableSection(o, results));
  }
  if (names.includes('reload')) {
    const text = reloadText(scriptRun('reload', ['--n', '10000']));
    console.log(text);
    if (o.doc) writeSection('reload', [`Run on ${new Date().toISOString()}. ${text}`]);
  }
  if (names.includes('fanout')) {
    const text = fanoutText(scriptRun('fanout', ['--window', o.quick ? '4' : '10']));
    console.log(text);
    if (o.doc) writeSection('fanout', [`Run on ${new Date().toISOString()}. ${text}`]);
  }
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
