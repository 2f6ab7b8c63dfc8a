import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { ProbeCode } from '../../shared/model';
import type { SecureContext } from 'node:tls';
import { lazySecureContext, ProbeConnection, type TrustedCa } from './probe-connection';
import type { ProbeOutcome, Prober, ProbeTarget } from './types';

export interface TcpProberDeps {
  /** CAs that `ssl` probes trust instead of Node's bundled roots (tests, private PKI). */
  ca?: TrustedCa;
}

class TcpProbe extends ProbeConnection {
  private ssl = false;

  start(target: ProbeTarget, tlsContext: () => SecureContext): void {
    const tcp = target.tcp;
    this.ssl = tcp?.ssl ?? false;
    const tls =
      tcp && tcp.ssl
        ? {
            serverName: tcp.serverName,
            insecureSkipVerify: tcp.insecureSkipVerify,
            secureContext: tlsContext(),
          }
        : null;
    this.open(target.address, target.port, target.sourceAddress, tls);
  }

  protected onReady(_socket: Socket | TLSSocket): void {
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
  return {
    kind: 'tcp',
    probe(target, options) {
      return new Promise<ProbeOutcome>((resolve) => {
        new TcpProbe(resolve, options).start(target, tlsContext);
      });
    },
  };
}
