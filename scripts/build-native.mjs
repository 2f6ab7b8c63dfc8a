// Builds native/probe-helper.c into native/build/maglev-probe-helper (npm's postinstall runs this).
// The helper is optional: without a C compiler, or off Linux, probes run in-process and this says so.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'native', 'probe-helper.c');
const output = join(root, 'native', 'build', 'maglev-probe-helper');
const strict = process.argv.includes('--strict');

function skip(why) {
  console.log(`native probe helper not built: ${why}; http/tcp probes will run in-process (docs/prober.md)`);
  process.exit(strict ? 1 : 0);
}

if (process.platform !== 'linux') skip(`it needs Linux (epoll), this is ${process.platform}`);
mkdirSync(dirname(output), { recursive: true });
const cc = process.env.CC || 'cc';
const r = spawnSync(cc, ['-O2', '-Wall', '-Wextra', '-std=c11', '-o', output, source], { stdio: 'inherit' });
if (r.error) skip(`${cc}: ${r.error.message}`);
if (r.status !== 0) skip(`${cc} exited with ${r.status}`);
console.log(`native probe helper built: ${output}`);
