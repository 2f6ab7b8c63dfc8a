// Test-only: the real gRPC server (listen + service) over a fake checker, on loopback.
import { createLogger, NULL_SINK } from '../../log';
import { listenGrpc, type GrpcListener, type ServerTls } from '../listen';
import { loadMaglevProto } from '../proto';
import { createMaglevServer, type ConfigOutcome, type MaglevService } from '../server';
import { createFakeChecker, type FakeChecker } from './fake-checker';
import { sampleSite, T0 } from './sample-site';

export interface FakeDaemon {
  address: string;
  port: number;
  checker: FakeChecker;
  service: MaglevService;
  listener: GrpcListener;
  /** Sets what CheckConfig and ReloadConfig find on "disk". */
  setConfigOutcome(o: ConfigOutcome): void;
  /** How many times ReloadConfig ran. */
  reloads(): number;
  stop(): Promise<void>;
}

/** Starts a daemon-like server on 127.0.0.1:`port` (0 = any) over a fresh fake checker. */
export async function startFakeDaemon(
  opts: {
    port?: number;
    site?: ReturnType<typeof sampleSite>;
    configOutcome?: ConfigOutcome;
    watchCapacity?: number;
    watchQueueBytes?: number;
    tls?: ServerTls | null;
    customize?: (s: MaglevService) => void;
  } = {},
): Promise<FakeDaemon> {
  const proto = loadMaglevProto();
  const logger = createLogger('fake-daemon', NULL_SINK);
  const checker = createFakeChecker({ ...(opts.site ?? sampleSite()), now: () => T0 + 1000 });
  let outcome = opts.configOutcome ?? { ok: true };
  let reloads = 0;
  const service = createMaglevServer({
    checker,
    proto,
    logger,
    now: () => T0,
    watchCapacity: opts.watchCapacity,
    watchQueueBytes: opts.watchQueueBytes,
    checkDisk: async () => outcome,
    reloadFromDisk: async () => {
      reloads++;
      return outcome;
    },
  });
  opts.customize?.(service);
  const listener = await listenGrpc({
    address: `127.0.0.1:${opts.port ?? 0}`,
    service,
    proto,
    logger,
    tls: opts.tls,
  });
  return {
    address: listener.address,
    port: listener.port,
    checker,
    service,
    listener,
    setConfigOutcome: (o) => {
      outcome = o;
    },
    reloads: () => reloads,
    stop: async () => {
      await listener.shutdown(500);
      await checker.stop();
    },
  };
}
