import { createServer, type Server } from 'node:http';
import { BACKEND_STATES, FRONTEND_STATES } from '../shared/model';
import type { CheckerView, EventSubscription } from '../core/checker';
import type { Logger } from '../core/log';

/** Prometheus metrics of one daemon: probe counters (from probe-done records) and state gauges. */
export interface DaemonMetrics {
  /** Renders the text exposition format (version 0.0.4). */
  render(): string;
  dispose(): void;
}

function label(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/**
 * Creates the metrics collector. Probe counts come from the checker's `probe-done` debug records,
 * so it subscribes at `debug` — which makes the checker build those records — only when metrics
 * are switched on (the daemon creates this only with --metrics-addr).
 */
export function createDaemonMetrics(checker: CheckerView, logger: Logger): DaemonMetrics {
  const probes = new Map<string, number>();
  let dropped = 0;
  const sub: EventSubscription = checker.subscribe({
    backend: false,
    frontend: false,
    logLevel: 'debug',
    capacity: 65_536,
  });
  let off: () => void = () => {};
  const consume = (): void => {
    for (const item of sub.drain()) {
      if (item.type === 'dropped') dropped += item.count;
      else if (item.type === 'log' && item.record.msg === 'probe-done') {
        const a = item.record.attrs;
        const key = `${a['type'] ?? ''}\u0000${a['ok'] === 'true' ? 'ok' : 'fail'}\u0000${a['code'] ?? ''}`;
        probes.set(key, (probes.get(key) ?? 0) + 1);
      }
    }
    if (!sub.closed) off = sub.onReadable(consume);
  };
  consume();

  function render(): string {
    consume();
    const out: string[] = [];
    out.push(
      '# HELP maglev_probes_total Probes completed, by check type, result and code.',
      '# TYPE maglev_probes_total counter',
    );
    for (const [key, n] of [...probes].sort()) {
      const [type, result, code] = key.split('\u0000') as [string, string, string];
      out.push(`maglev_probes_total{type="${label(type)}",result="${result}",code="${label(code)}"} ${n}`);
    }
    out.push(
      '# HELP maglev_metrics_events_dropped_total Probe records the metrics collector could not keep up with.',
    );
    out.push(
      '# TYPE maglev_metrics_events_dropped_total counter',
      `maglev_metrics_events_dropped_total ${dropped}`,
    );
    const byState = new Map<string, number>(BACKEND_STATES.map((s) => [s, 0]));
    const perBackend: string[] = [];
    for (const name of checker.listBackends()) {
      const b = checker.getBackend(name);
      if (!b) continue;
      byState.set(b.state, (byState.get(b.state) ?? 0) + 1);
      perBackend.push(`maglev_backend_state{backend="${label(name)}",state="${b.state}"} 1`);
    }
    out.push('# HELP maglev_backends Backends by state.', '# TYPE maglev_backends gauge');
    for (const [s, n] of byState) out.push(`maglev_backends{state="${s}"} ${n}`);
    out.push(
      '# HELP maglev_backend_state The current state of each backend (1 for its state).',
      '# TYPE maglev_backend_state gauge',
    );
    out.push(...perBackend);
    const fronts = new Map<string, number>(FRONTEND_STATES.map((s) => [s, 0]));
    for (const name of checker.listFrontends()) {
      const f = checker.getFrontend(name);
      if (f) fronts.set(f.state, (fronts.get(f.state) ?? 0) + 1);
    }
    out.push('# HELP maglev_frontends Frontends by state.', '# TYPE maglev_frontends gauge');
    for (const [s, n] of fronts) out.push(`maglev_frontends{state="${s}"} ${n}`);
    return out.join('\n') + '\n';
  }

  logger.debug('metrics-subscribed', { level: 'debug' });
  return {
    render,
    dispose() {
      off();
      sub.close();
    },
  };
}

/** A listening /metrics endpoint. */
export interface MetricsServer {
  address: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `GET /metrics` on host:port with plain node:http. */
export function startMetricsServer(
  host: string,
  port: number,
  metrics: DaemonMetrics,
): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /metrics\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(metrics.render());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host === '' ? undefined : host, () => {
      server.off('error', reject);
      const a = server.address() as { address: string; port: number };
      resolve({
        address: `${a.address.includes(':') ? `[${a.address}]` : a.address}:${a.port}`,
        port: a.port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
