#!/usr/bin/env node
// Fails when a source file is over 500 lines (warns over 300 through ESLint). Generated code is exempt.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const LIMIT = 500;
const SKIP = /(^|\/)(node_modules|out|generated|fixtures)(\/|$)/;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (SKIP.test(relative(ROOT, p))) continue;
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.(ts|tsx|mts|mjs)$/.test(name)) yield p;
  }
}

const offenders = [];
for (const top of ['src', 'test', 'tests', 'scripts']) {
  let files;
  try {
    files = [...walk(join(ROOT, top))];
  } catch {
    continue;
  }
  for (const f of files) {
    const lines = readFileSync(f, 'utf8').split('\n').length;
    if (lines > LIMIT) offenders.push(`${relative(ROOT, f)}: ${lines} lines (limit ${LIMIT})`);
  }
}
if (offenders.length) {
  console.error(offenders.join('\n'));
  process.exit(1);
}
console.log(`file size: every source file is within ${LIMIT} lines`);
