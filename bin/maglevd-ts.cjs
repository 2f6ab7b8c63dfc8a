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
  // Importing tsx registers its ESM and CJS hooks (what `node --import tsx` does), so the
  // sources' own dynamic imports work too.
  const { pathToFileURL } = require('node:url');
  import('tsx')
    .then(() => import(pathToFileURL(join(root, 'src', 'daemon', 'main.ts')).href))
    .catch((e) => {
      process.stderr.write(`maglevd-ts: cannot run the sources (${e.message}); run \`npm run build:node\`\n`);
      process.exitCode = 1;
    });
}
