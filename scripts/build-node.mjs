#!/usr/bin/env node
// Bundles the Node entry points that electron-vite does not build:
//   src/daemon/main.ts → out/daemon/index.js   (the headless daemon, bin/maglevd-ts.cjs)
//   src/daemon/config-worker.ts → out/daemon/config-worker.js (its config-parsing worker)
//   src/web/main.ts    → out/web/index.js      (the browser host, when it exists)
// Node platform, CommonJS, npm packages left external (they are installed next to out/).
// The bundle finds proto/maglev.proto at run time by walking up from its own directory to the
// package root (src/core/grpc/proto.ts), so `proto/` must ship beside `out/`.
// Usage: node scripts/build-node.mjs [--outdir DIR] (default: out).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argOut = process.argv.indexOf('--outdir');
const OUT = argOut > 0 ? resolve(process.argv[argOut + 1]) : join(ROOT, 'out');

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];

const entries = [
  { out: join('daemon', 'index.js'), entry: join(ROOT, 'src', 'daemon', 'main.ts') },
  // The daemon parses reloaded configs on this worker (src/daemon/config-reader.ts finds it here).
  { out: join('daemon', 'config-worker.js'), entry: join(ROOT, 'src', 'daemon', 'config-worker.ts') },
  { out: join('web', 'index.js'), entry: join(ROOT, 'src', 'web', 'main.ts') },
  // The web host parses and edits configs on this worker thread (core/sites/config-thread.ts finds it here).
  { out: join('web', 'config-thread-worker.js'), entry: join(ROOT, 'src', 'core', 'sites', 'config-thread-worker.ts') },
  // Probes inside a network namespace run in this worker (core/prober/netns-registry.ts finds it beside the bundle).
  { out: join('daemon', 'netns-worker.js'), entry: join(ROOT, 'src', 'core', 'prober', 'netns-worker.ts') },
  { out: join('web', 'netns-worker.js'), entry: join(ROOT, 'src', 'core', 'prober', 'netns-worker.ts') },
  // Probe worker threads (createProberRegistry({ threads }) finds them beside the bundle).
  { out: join('daemon', 'probe-thread.js'), entry: join(ROOT, 'src', 'core', 'prober', 'probe-thread.ts') },
].filter((e) => existsSync(e.entry));

for (const e of entries) {
  const outfile = join(OUT, e.out);
  await build({
    entryPoints: [e.entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external,
    logLevel: 'warning',
  });
  console.log(`build-node: ${e.out} → ${outfile}`);
}
