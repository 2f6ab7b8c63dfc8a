import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { Server as TcpServer, Socket } from 'node:net';
import type { Logger } from '../../log';
import type { Clock, RandomSource, TimerHandle } from '../../util';

/** How a demo backend behaves over time. */
export type DemoBehaviour = 'steady' | 'flap-503' | 'slow' | 'refuse';

/** One loopback server of the demo. */
export interface DemoBackend {
  name: string;
  host: '127.0.0.1' | '::1';
  port: number;
  check: 'http' | 'tcp';
  behaviour: DemoBehaviour;
  /** Whether the backend is in its bad phase now (503, slow, or refusing). */
  failing(): boolean;
}

/** What the demo backends need: time, randomness, a logger, and optional flap timing. */
export interface DemoBackendsOptions {
  clock: Clock;
  random: RandomSource;
  logger: Logger;
  /** Length of the good and bad phases of the flapping backends (defaults: 20 s good, 8 s bad). */
  phases?: { goodMs: number; badMs: number };
  /** How long a slow backend takes in its bad phase (default 700 ms, beyond the demo's timeout). */
  slowMs?: number;
}

/** The running demo backends. */
export interface DemoBackends {
  readonly backends: readonly DemoBackend[];
  /** Whether [::1] could be bound (the IPv6 frontend is then real). */
  readonly ipv6: boolean;
  /** Closes every server and connection and cancels every timer. */
  stop(): Promise<void>;
}

interface Plan {
  name: string;
  v6: boolean;
  check: 'http' | 'tcp';
  behaviour: DemoBehaviour;
}

const PLAN: Plan[] = [
  { name: 'web-1', v6: false, check: 'http', behaviour: 'steady' },
  { name: 'web-2', v6: false, check: 'http', behaviour: 'steady' },
  { name: 'web-3', v6: false, check: 'http', behaviour: 'flap-503' },
  { name: 'web-4', v6: false, check: 'http', behaviour: 'slow' },
  { name: 'web-5', v6: false, check: 'http', behaviour: 'steady' },
  { name: 'web-6', v6: false, check: 'http', behaviour: 'steady' },
  { name: 'api-1', v6: false, check: 'tcp', behaviour: 'steady' },
  { name: 'api-2', v6: false, check: 'tcp', behaviour: 'refuse' },
  { name: 'v6-1', v6: true, check: 'http', behaviour: 'steady' },
  { name: 'v6-2', v6: true, check: 'http', behaviour: 'flap-503' },
];

type AnyServer = HttpServer | TcpServer;

function listen(server: AnyServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

function close(server: AnyServer, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  sockets.clear();
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Tells whether this host can bind the IPv6 loopback. */
export async function canBindIpv6Loopback(): Promise<boolean> {
  const probe = createTcpServer();
  try {
    await listen(probe, '::1', 0);
    return true;
  } catch {
    return false;
  } finally {
    await close(probe, new Set());
  }
}

/**
 * Starts the demo's loopback backends (127.0.0.1, and ::1 when it works) on ports chosen now. A few
 * of them flap on timers of the injected clock: one answers 503 for a while, one becomes slower than
 * the check's timeout, one closes its port (connection refused), so the demo site shows a living site.
 */
export async function createDemoBackends(options: DemoBackendsOptions): Promise<DemoBackends> {
  const { clock, random, logger } = options;
  const phases = options.phases ?? { goodMs: 20_000, badMs: 8_000 };
  const slowMs = options.slowMs ?? 700;
  const ipv6 = await canBindIpv6Loopback();
  const timers = new Set<TimerHandle>();
  const stoppers: (() => Promise<void>)[] = [];
  let stopped = false;

  const later = (ms: number, fn: () => void): void => {
    const t = clock.setTimeout(() => {
      timers.delete(t);
      if (!stopped) fn();
    }, ms);
    timers.add(t);
  };

  async function start(plan: Plan, index: number): Promise<DemoBackend> {
    const host = plan.v6 && ipv6 ? '::1' : '127.0.0.1';
    const sockets = new Set<Socket>();
    let bad = false;
    const server: AnyServer =
      plan.check === 'http'
        ? createHttpServer((req, res) => answer(plan.behaviour, () => bad, req, res))
        : createTcpServer((socket) => socket.end('demo\n'));
    server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    });
    const port = await listen(server, host, 0);
    stoppers.push(() => close(server, sockets));
    // Without IPv6 the third frontend's backends move to 127.0.0.1 and say so in their names.
    const name = plan.v6 && !ipv6 ? plan.name.replace('v6-', 'static-') : plan.name;
    const backend: DemoBackend = { name, host, port, check: plan.check, behaviour: plan.behaviour, failing: () => bad };

    const toggle = (): void => {
      bad = !bad;
      logger.debug('demo-backend-phase', { backend: name, failing: bad });
      if (plan.behaviour === 'refuse') void setListening(!bad);
      // ±25 % so that the flappers drift apart instead of moving in lockstep.
      later((bad ? phases.badMs : phases.goodMs) * (0.75 + random() * 0.5), toggle);
    };
    const setListening = async (on: boolean): Promise<void> => {
      try {
        if (on && !server.listening) await listen(server, host, port);
        if (!on) await close(server, sockets);
      } catch (e) {
        logger.warn('demo-backend-relisten-failed', { backend: name, port, error: e instanceof Error ? e.message : String(e) });
      }
    };
    if (plan.behaviour !== 'steady') later(phases.goodMs * (0.5 + 0.25 * index / PLAN.length + random() * 0.25), toggle);
    return backend;

    function answer(behaviour: DemoBehaviour, isBad: () => boolean, _req: IncomingMessage, res: ServerResponse): void {
      res.setHeader('connection', 'close');
      const reply = (): void => {
        if (res.destroyed) return;
        const failing = behaviour === 'flap-503' && isBad();
        res.writeHead(failing ? 503 : 200, { 'content-type': 'text/plain' });
        res.end(failing ? `${name}: maintenance\n` : `${name}: ok\n`);
      };
      if (behaviour === 'slow') later(isBad() ? slowMs : 20 + random() * 60, reply);
      else reply();
    }
  }

  const backends: DemoBackend[] = [];
  try {
    for (const [i, plan] of PLAN.entries()) backends.push(await start(plan, i));
  } catch (e) {
    stopped = true;
    await Promise.all(stoppers.map((s) => s()));
    throw e;
  }
  return {
    backends,
    ipv6,
    async stop() {
      stopped = true;
      for (const t of timers) clock.clearTimeout(t);
      timers.clear();
      await Promise.all(stoppers.map((s) => s()));
    },
  };
}
