#!/usr/bin/env node
// Generates the TypeScript types of proto/maglev.proto into src/core/grpc/generated/ (committed).
// Usage: node scripts/gen-proto.mjs [OUT_DIR]. The loader options must match the run-time ones in
// src/core/grpc/proto.ts (PROTO_LOADER_OPTIONS); src/core/grpc/generated-sync.test.ts checks both.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The proto-loader options the types are generated for (int64 as decimal strings: Unix ns exceed 2^53). */
export const LOADER_OPTIONS = { keepCase: false, longs: 'String', enums: 'String', defaults: true, oneofs: true };

/** Runs proto-loader-gen-types for proto/maglev.proto into `outDir`. */
export function generate(outDir) {
  const bin = join(ROOT, 'node_modules', '@grpc', 'proto-loader', 'build', 'bin', 'proto-loader-gen-types.js');
  if (!existsSync(bin)) throw new Error(`proto-loader-gen-types not found at ${bin}; run npm install`);
  const args = [
    bin,
    `--longs=${LOADER_OPTIONS.longs}`,
    `--enums=${LOADER_OPTIONS.enums}`,
    ...(LOADER_OPTIONS.keepCase ? ['--keepCase'] : []),
    ...(LOADER_OPTIONS.defaults ? ['--defaults'] : []),
    ...(LOADER_OPTIONS.oneofs ? ['--oneofs'] : []),
    '--includeComments',
    '--grpcLib=@grpc/grpc-js',
    // Relative include dir, run from the root: the generated headers then name `proto/maglev.proto`
    // instead of an absolute path that differs between clones.
    '-I',
    'proto',
    '-O',
    outDir,
    'maglev.proto',
  ];
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(ROOT, 'src', 'core', 'grpc', 'generated'));
  generate(out);
  console.log(`gen-proto: types written to ${out}`);
}
