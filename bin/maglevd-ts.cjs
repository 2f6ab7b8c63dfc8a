#!/usr/bin/env node
// maglevd-ts: the headless Maglev health-checker daemon (docs/grpc.md).
// Runs the built bundle (out/daemon/index.js, from `npm run build:node`) when it exists, else the
// TypeScript source through tsx (a dev install). Both run in this process, so signals (SIGHUP
// reload, SIGTERM/SIGINT stop) reach the daemon directly.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher: require is the point */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const built = join(root, 'out', 'daemon', 'index.js');

if (existsSync(built)) {
  require(built);
} else {
  let register;
  try {
    ({ register } = require('tsx/cjs/api'));
  } catch {
    process.stderr.write('maglevd-ts: no build in out/daemon and tsx is not installed; run `npm run build:node`\n');
    process.exit(1);
  }
  register();
  require(join(root, 'src', 'daemon', 'main.ts'));
}
