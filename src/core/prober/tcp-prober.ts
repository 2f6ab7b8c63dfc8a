import type { SecureContext } from 'node:tls';
import type { ProbeCode } from '../../shared/model';
import { loadHandleApi, type HandleApi, type ProbeTransport } from './handle-transport';
import { ProbeConnection } from './probe-connection';
import { lazySecureContext, type TrustedCa } from './tls-context';
import type { ProbeOutcome, Prober, ProbeTarget } from './types';

export interface TcpProberDeps {
  /** CAs that `ssl` probes trust instead of Node's bundled roots (tests, private PKI). */
  ca?: TrustedCa;
  /** 'net' (default) or 'handle' for probes without ssl (see HttpProberDeps.transport). */
  transport?: ProbeTransport;
}

class TcpProbe extends ProbeConnection {
  private ssl = false;

  start(target: ProbeTarget, tlsContext: () => SecureContext, api: HandleApi | null): void {
    const tcp = target.tcp;
    this.ssl = tcp?.ssl ?? false;
    const tls = tcp?.ssl
      ? {
          serverName: tcp.serverName,
          insecureSkipVerify: tcp.insecureSkipVerify,
          secureContext: tlsContext(),
        }
      : null;
    this.open(target, tls, api);
  }

  protected onReady(): void {
    if (this.ssl) this.succeed('L6OK', 'TLS handshake completed');
    else this.succeed('L4OK', 'connected');
  }

  protected override requestTimeoutCode(): ProbeCode {
    return 'L4TOUT';
  }
}

/** Creates the TCP prober: connect, and with `ssl` also complete a TLS handshake (and verify it). */
export function createTcpProber(deps: TcpProberDeps = {}): Prober {
  const tlsContext = lazySecureContext(deps.ca);
  const api = deps.transport === 'handle' ? loadHandleApi() : null;
  return {
    kind: 'tcp',
    probe(target, options) {
      return new Promise<ProbeOutcome>((resolve) => {
        new TcpProbe(resolve, options).start(target, tlsContext, api);
      });
    },
  };
}
