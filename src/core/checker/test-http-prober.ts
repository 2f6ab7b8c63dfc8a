// Test-only stand-in for core/prober's HTTP prober (used until that module has its index): one
// `net` connection per probe, HTTP/1.0, status line + body regexp. Loopback tests and the bench.
import { connect } from 'node:net';
import type { ProbeCode } from '../../shared/model';
import type { ProbeOptions, ProbeOutcome, Prober, ProberRegistry, ProbeTarget } from '../prober/types';

const MAX_BODY = 64 * 1024;

/** Probes one HTTP target; resolves with an outcome, never rejects. */
export function probeHttpOnce(target: ProbeTarget, options: ProbeOptions, now: () => number = performance.now.bind(performance)): Promise<ProbeOutcome> {
  const t0 = now();
  const http = target.http;
  return new Promise<ProbeOutcome>((resolve) => {
    let connected = false;
    let done = false;
    const chunks: Buffer[] = [];
    let size = 0;
    const sock = connect({ host: target.address, port: target.port, localAddress: target.sourceAddress ?? undefined });
    const finish = (ok: boolean, code: ProbeCode, detail: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      sock.destroy();
      resolve({ ok, code, detail, durationMs: now() - t0 } as ProbeOutcome);
    };
    const onAbort = (): void => finish(false, connected ? 'L7TOUT' : 'L4TOUT', 'aborted');
    const timer = setTimeout(() => finish(false, connected ? 'L7TOUT' : 'L4TOUT', 'timeout'), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    sock.on('connect', () => {
      connected = true;
      // write, not end: the server closes first, so TIME_WAIT stays on its side (see the bench).
      sock.write(`GET ${http?.path ?? '/'} HTTP/1.0\r\nHost: ${http?.host ?? target.address}\r\nUser-Agent: maglev-monitor\r\n\r\n`);
    });
    sock.on('data', (b: Buffer) => {
      if (size < MAX_BODY + 4096) chunks.push(b);
      size += b.length;
    });
    sock.on('error', (e: NodeJS.ErrnoException) => finish(false, connected ? 'L7RSP' : 'L4CON', e.code ?? e.message));
    sock.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      if (!m) return finish(false, 'L7RSP', 'malformed response');
      const status = Number(m[1]);
      if (http && (status < http.codeMin || status > http.codeMax)) return finish(false, 'L7STS', `HTTP ${status}`);
      const body = text.slice(text.indexOf('\r\n\r\n') + 4, text.indexOf('\r\n\r\n') + 4 + MAX_BODY);
      if (http?.regexp && !http.regexp.test(body)) return finish(false, 'L7BODY', 'body did not match');
      finish(true, 'L7OK', `HTTP ${status}`);
    });
  });
}

/** Creates a registry with the stand-in HTTP prober for `http`; other kinds fail with INTERNAL. */
export function createTestHttpProberRegistry(): ProberRegistry {
  const http: Prober = { kind: 'http', probe: (t, o) => probeHttpOnce(t, o) };
  return {
    get: (kind) =>
      kind === 'http'
        ? http
        : { kind, probe: async () => ({ ok: false, code: 'INTERNAL', detail: `no ${kind} prober in tests`, durationMs: 0 }) },
    dispose: async () => {},
  };
}
