// Shared by the bench scripts: numeric options and a checker served over real gRPC on loopback.
import type { Checker } from '../src/core/checker';
import {
  createMaglevServer,
  listenGrpc,
  loadMaglevProto,
  type GrpcListener,
  type MaglevService,
} from '../src/core/grpc';
import type { Logger } from '../src/core/log';

/** `--name N` from the command line (a positive number), or `dflt`. */
export function numberArg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} takes a positive number`);
  return v;
}

/** Serves `checker` as maglev.Maglev on 127.0.0.1 (an ephemeral port), with no config file behind it. */
export async function serveChecker(
  checker: Checker,
  now: () => number,
  logger: Logger,
): Promise<{ service: MaglevService; listener: GrpcListener }> {
  const proto = loadMaglevProto();
  const service = createMaglevServer({
    checker,
    proto,
    logger,
    now,
    reloadFromDisk: async () => ({ ok: true }),
    checkDisk: async () => ({ ok: true }),
  });
  const listener = await listenGrpc({ address: '127.0.0.1:0', service, proto, logger, reflection: false });
  return { service, listener };
}
