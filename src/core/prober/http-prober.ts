import { isIP } from 'node:net';
import type { SecureContext } from 'node:tls';
import { APP_VERSION } from '../../shared/version';
import { ProbeConnection } from './probe-connection';
import { lazySecureContext, type TlsParams, type TrustedCa } from './tls-context';
import { loadHandleApi, type HandleApi, type ProbeTransport } from './handle-transport';
import { HttpResponseReader, type ParseVerdict } from './http-response';
import type { ProbeOptions, ProbeOutcome, Prober, ProbeTarget } from './types';

export interface HttpProberDeps {
  /** The kind the prober answers to (default 'http'); TLS follows each target's own kind. */
  kind?: 'http' | 'https';
  /** User-Agent header; default `maglev-monitor/<version>`. */
  userAgent?: string;
  /** CAs that https probes trust instead of Node's bundled roots (tests, private PKI). */
  ca?: TrustedCa;
  /**
   * 'net' (default): a net.Socket per probe. 'handle': plain http on bare libuv TCP handles, about half
   * the CPU per probe (docs/prober.md); https and runtimes without the bindings stay on 'net'.
   */
  transport?: ProbeTransport;
}

type HttpSpec = NonNullable<ProbeTarget['http']>;

const DEFAULT_USER_AGENT = `maglev-monitor/${APP_VERSION}`;

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
  return {
    request: httpRequestBytes(target, userAgent),
    tls:
      target.kind === 'https'
        ? {
            serverName: spec.serverName,
            insecureSkipVerify: spec.insecureSkipVerify,
            secureContext: tlsContext(),
          }
        : null,
  };
}

/** The request of an http(s) probe: GET path with Host, User-Agent, `Connection: close`. */
export function httpRequestBytes(target: ProbeTarget, userAgent = DEFAULT_USER_AGENT): Buffer {
  const spec = target.http;
  const host = hostHeader(spec?.host ?? target.address, target.port, target.kind === 'https' ? 443 : 80);
  return Buffer.from(
    `GET ${spec?.path ?? '/'} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: ${userAgent}\r\nConnection: close\r\nAccept: */*\r\n\r\n`,
    'latin1',
  );
}

/** The Host header: the configured host, with the port when it is not the scheme's default. */
export function hostHeader(host: string, port: number, defaultPort: number): string {
  let h = host;
  if (isIP(h) === 6) h = `[${h}]`;
  else if (h.includes(':')) return h; // the config gave a port already (or a bracketed literal)
  return port === defaultPort ? h : `${h}:${port}`;
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

  start(target: ProbeTarget, api: HandleApi | null): void {
    this.open(target, this.prepared.tls, api);
  }

  protected onReady(): void {
    this.send(this.prepared.request);
  }

  /** @internal Bytes of the response arrived. */
  override received(d: Buffer): void {
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
    userAgent = DEFAULT_USER_AGENT,
    ca,
    transport = 'net',
  } = typeof deps === 'string' ? { kind: deps } : deps;
  const tlsContext = lazySecureContext(ca);
  const api = transport === 'handle' ? loadHandleApi() : null;
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
        new HttpProbe(resolve, options, spec, prepared).start(target, api);
      });
    },
  };
}
