import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { APP_VERSION } from '../../shared/version';
import { ProbeConnection, type TlsParams } from './probe-connection';
import { HttpResponseReader, type ParseVerdict } from './http-response';
import type { ProbeOptions, ProbeOutcome, Prober, ProbeTarget } from './types';

export interface HttpProberDeps {
  /** User-Agent header; default `maglev-monitor/<version>`. */
  userAgent?: string;
}

type HttpSpec = NonNullable<ProbeTarget['http']>;

/** Precomputed request bytes per target: built once, sent on every probe. */
function buildRequest(target: ProbeTarget, spec: HttpSpec, userAgent: string): Buffer {
  const host = target.port === (target.kind === 'https' ? 443 : 80) ? spec.host : hostWithPort(spec.host, target.port);
  return Buffer.from(
    `GET ${spec.path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: ${userAgent}\r\nAccept: */*\r\nConnection: close\r\n\r\n`,
    'latin1',
  );
}

function hostWithPort(host: string, port: number): string {
  // An IPv6 literal needs brackets in a Host header.
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${h}:${port}`;
}

class HttpProbe extends ProbeConnection {
  private readonly reader: HttpResponseReader;

  constructor(
    resolve: (o: ProbeOutcome) => void,
    options: ProbeOptions,
    private readonly spec: HttpSpec,
    private readonly request: Buffer,
  ) {
    super(resolve, options);
    this.reader = new HttpResponseReader(spec.regexp !== null);
  }

  start(target: ProbeTarget): void {
    const tls: TlsParams | null =
      target.kind === 'https' ? { serverName: this.spec.serverName, insecureSkipVerify: this.spec.insecureSkipVerify } : null;
    this.open(target.address, target.port, target.sourceAddress, tls);
  }

  protected onReady(socket: Socket | TLSSocket): void {
    socket.on('data', (d: Buffer) => this.verdict(this.reader.push(d)));
    socket.write(this.request);
  }

  protected override onClose(): void {
    if (this.isSettled) return;
    if (this.stage === 2) this.verdict(this.reader.end());
    else super.onClose();
  }

  private verdict(v: ParseVerdict): void {
    if (v.kind === 'more' || this.isSettled) return;
    if (v.kind === 'malformed') return this.fail('L7RSP', v.detail);
    const { codeMin, codeMax, regexp } = this.spec;
    if (v.status < codeMin || v.status > codeMax) return this.fail('L7STS', `HTTP ${v.status}`);
    if (v.kind === 'body' && regexp) {
      regexp.lastIndex = 0;
      if (!regexp.test(v.body)) return this.fail('L7BODY', `HTTP ${v.status}, body does not match ${regexp.source}`);
    }
    this.succeed('L7OK', `HTTP ${v.status}`);
  }
}

/** Creates the HTTP/HTTPS prober: one connection per probe, minimal HTTP/1.1 over net/tls, RST close. */
export function createHttpProber(kind: 'http' | 'https' = 'http', deps: HttpProberDeps = {}): Prober {
  const userAgent = deps.userAgent ?? `maglev-monitor/${APP_VERSION}`;
  const requests = new WeakMap<ProbeTarget, Buffer>();
  return {
    kind,
    probe(target, options) {
      return new Promise<ProbeOutcome>((resolve) => {
        const spec = target.http;
        if (!spec) {
          resolve({ ok: false, code: 'INTERNAL', detail: 'http probe without http parameters', durationMs: 0 });
          return;
        }
        let request = requests.get(target);
        if (!request) {
          request = buildRequest(target, spec, userAgent);
          requests.set(target, request);
        }
        new HttpProbe(resolve, options, spec, request).start(target);
      });
    },
  };
}
