import { isIP, type Socket } from 'node:net';
import type { SecureContext, TLSSocket } from 'node:tls';
import { APP_VERSION } from '../../shared/version';
import {
  lazySecureContext,
  ProbeConnection,
  probeOf,
  type TlsParams,
  type TrustedCa,
} from './probe-connection';
import { HttpResponseReader, type ParseVerdict } from './http-response';
import type { ProbeOptions, ProbeOutcome, Prober, ProbeTarget } from './types';

export interface HttpProberDeps {
  /** The kind the prober answers to (default 'http'); TLS follows each target's own kind. */
  kind?: 'http' | 'https';
  /** User-Agent header; default `maglev-monitor/<version>`. */
  userAgent?: string;
  /** CAs that https probes trust instead of Node's bundled roots (tests, private PKI). */
  ca?: TrustedCa;
}

type HttpSpec = NonNullable<ProbeTarget['http']>;

/** What a target's probes share: the request bytes and the TLS parameters, built once per target. */
interface Prepared {
  readonly request: Buffer;
  readonly tls: TlsParams | null;
}

function prepare(
  target: ProbeTarget,
  spec: HttpSpec,
  userAgent: string,
  tlsContext: () => SecureContext,
): Prepared {
  const https = target.kind === 'https';
  const host = hostHeader(spec.host, target.port, https ? 443 : 80);
  const request = Buffer.from(
    `GET ${spec.path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: ${userAgent}\r\nConnection: close\r\nAccept: */*\r\n\r\n`,
    'latin1',
  );
  return {
    request,
    tls: https
      ? {
          serverName: spec.serverName,
          insecureSkipVerify: spec.insecureSkipVerify,
          secureContext: tlsContext(),
        }
      : null,
  };
}

/** The Host header: the configured host, with the port when it is not the scheme's default. */
export function hostHeader(host: string, port: number, defaultPort: number): string {
  let h = host;
  if (isIP(h) === 6) h = `[${h}]`;
  else if (h.includes(':')) return h; // the config gave a port already (or a bracketed literal)
  return port === defaultPort ? h : `${h}:${port}`;
}

// One listener for every probe's socket: `this` is the socket, which knows its probe.
function onHttpData(this: Socket, d: Buffer): void {
  probeOf<HttpProbe>(this)?.received(d);
}

class HttpProbe extends ProbeConnection {
  private readonly reader: HttpResponseReader;

  constructor(
    resolve: (o: ProbeOutcome) => void,
    options: ProbeOptions,
    private readonly spec: HttpSpec,
    private readonly prepared: Prepared,
  ) {
    super(resolve, options);
    this.reader = new HttpResponseReader(spec.regexp !== null, spec.codeMin, spec.codeMax);
  }

  start(target: ProbeTarget): void {
    this.open(target.address, target.port, target.sourceAddress, this.prepared.tls);
  }

  protected onReady(socket: Socket | TLSSocket): void {
    socket.on('data', onHttpData);
    socket.write(this.prepared.request);
  }

  /** @internal Bytes of the response arrived. */
  received(d: Buffer): void {
    this.verdict(this.reader.push(d));
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
      if (!regexp.test(v.body))
        return this.fail('L7BODY', `HTTP ${v.status}, body does not match ${regexp.source}`);
    }
    this.succeed('L7OK', `HTTP ${v.status}`);
  }
}

/** Creates the HTTP/HTTPS prober: one connection per probe, minimal HTTP/1.1 over net/tls, RST close. */
export function createHttpProber(deps: HttpProberDeps | 'http' | 'https' = {}): Prober {
  // A bare kind is accepted too: the first callers wrote createHttpProber('https').
  const {
    kind = 'http',
    userAgent = `maglev-monitor/${APP_VERSION}`,
    ca,
  } = typeof deps === 'string' ? { kind: deps } : deps;
  const tlsContext = lazySecureContext(ca);
  const cache = new WeakMap<ProbeTarget, Prepared>();
  return {
    kind,
    probe(target, options) {
      return new Promise<ProbeOutcome>((resolve) => {
        const spec = target.http;
        if (!spec) {
          resolve({
            ok: false,
            code: 'INTERNAL',
            detail: 'http probe without http parameters',
            durationMs: 0,
          });
          return;
        }
        let prepared = cache.get(target);
        if (!prepared) {
          prepared = prepare(target, spec, userAgent, tlsContext);
          cache.set(target, prepared);
        }
        new HttpProbe(resolve, options, spec, prepared).start(target);
      });
    },
  };
}
