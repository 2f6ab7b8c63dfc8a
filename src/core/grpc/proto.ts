import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType } from './generated/maglev';

/**
 * How the proto is decoded at run time; the generated types assume exactly these options
 * (scripts/gen-proto.mjs, checked by generated-sync.test.ts).
 * * camelCase field names (`keepCase: false`): the domain model is camelCase too.
 * * int64/uint64 as decimal strings (`longs: String`): Unix nanoseconds (~1.7e18) exceed
 *   Number.MAX_SAFE_INTEGER (~9e15); wire.ts converts them to millisecond numbers with BigInt.
 * * `defaults: true` fills absent scalars, so readers see `''`/`0`/`false`; proto3 `optional`
 *   fields (WatchRequest) stay `undefined` when unset because they live in synthetic oneofs.
 * * `oneofs: true` adds `event: 'log' | 'backend' | 'frontend'` to Event.
 */
export const PROTO_LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

const PROTO_RELATIVE = join('proto', 'maglev.proto');

/**
 * Finds proto/maglev.proto by walking up from `start`: this works from the sources
 * (src/core/grpc), from the bundles (out/daemon, out/main) and from node_modules installs,
 * since each of them sits below the package root that ships `proto/`.
 */
export function findProtoFile(start?: string): string | null {
  // An ESM bundle has no __dirname; the working directory is then the best guess.
  let dir = start ?? (typeof __dirname === 'string' ? __dirname : process.cwd());
  for (;;) {
    const candidate = join(dir, PROTO_RELATIVE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export interface MaglevProto {
  /** The raw definition (reflection needs it). */
  packageDefinition: protoLoader.PackageDefinition;
  /** The typed `maglev` package: `Maglev` client constructor and `Maglev.service`. */
  maglev: ProtoGrpcType['maglev'];
}

/** Loads and parses maglev.proto (from `protoPath`, else found next to the package root). */
export function loadMaglevProto(protoPath?: string): MaglevProto {
  const file = protoPath ?? findProtoFile();
  if (!file) throw new Error(`cannot find ${PROTO_RELATIVE} above this module; pass its path`);
  const packageDefinition = protoLoader.loadSync(file, PROTO_LOADER_OPTIONS);
  const loaded = grpc.loadPackageDefinition(packageDefinition) as unknown as ProtoGrpcType;
  return { packageDefinition, maglev: loaded.maglev };
}
