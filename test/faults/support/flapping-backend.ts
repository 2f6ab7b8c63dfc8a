// Test-only: an HTTP backend that alternates 200 and 503 on every request (each probe is a state
// change with rise 1 / fall 1) until it is told to hold steady.
import { createServer, type Server, type Socket } from 'node:net';
import { createSignal, waitUntil, type Trigger } from './wait';

export interface FlappingBackend {
  port: number;
  /** Requests answered so far. */
  readonly requests: number;
  /** Fires after every answered request. */
  onRequest: Trigger;
  /** Answers 200 from now on. */
  hold(): void;
  /** Resolves once `count` more requests were answered. */
  answered(count: number): Promise<void>;
  close(): Promise<void>;
}

const reply = (code: 200 | 503): Buffer =>
  Buffer.from(
    `HTTP/1.1 ${code} ${code === 200 ? 'OK' : 'Service Unavailable'}\r\nContent-Length: 3\r\nConnection: close\r\n\r\n${code === 200 ? 'ok\n' : 'no\n'}`,
  );
const UP = reply(200);
const DOWN = reply(503);

/** Starts a flapping backend on `host` (loopback unless a test made its own namespace), port 0. */
export async function startFlappingBackend(host = '127.0.0.1'): Promise<FlappingBackend> {
  const signal = createSignal();
  const sockets = new Set<Socket>();
  let requests = 0;
  let held = false;
  const server: Server = createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => {});
    sock.once('data', () => {
      // Odd requests fail, even ones pass: a fresh backend goes unknown → down → up → down …
      const up = held || requests % 2 === 1;
      requests++;
      sock.end(up ? UP : DOWN);
      signal.fire();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    port,
    get requests() {
      return requests;
    },
    onRequest: signal.trigger,
    hold() {
      held = true;
    },
    answered(count) {
      const target = requests + count;
      return waitUntil(signal.trigger, () => requests >= target, `${count} more requests at port ${port}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The maglev.yaml of a site whose backends `b0…` flap: one http check per backend port. */
export function flappingSiteYaml(opts: {
  address: string;
  ports: readonly number[];
  intervalMs: number;
  transitionHistory: number;
}): string {
  const ms = `${opts.intervalMs}ms`;
  const lines = [
    'maglev:',
    '  healthchecker:',
    `    transition-history: ${opts.transitionHistory}`,
    '  healthchecks:',
  ];
  opts.ports.forEach((port, i) =>
    lines.push(
      `    flap-${i}: { type: http, port: ${port}, interval: ${ms}, fast-interval: ${ms}, down-interval: ${ms}, timeout: ${ms}, rise: 1, fall: 1, params: { path: /healthz } }`,
    ),
  );
  lines.push('  backends:');
  opts.ports.forEach((_, i) => lines.push(`    b${i}: { address: ${opts.address}, healthcheck: flap-${i} }`));
  return lines.join('\n') + '\n';
}
