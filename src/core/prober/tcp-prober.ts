import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { ProbeConnection } from './probe-connection';
import type { ProbeCode } from '../../shared/model';
import type { ProbeOutcome, Prober } from './types';

class TcpProbe extends ProbeConnection {
  private ssl = false;

  start(address: string, port: number, source: string | null, tcp: NonNullable<import('./types').ProbeTarget['tcp']> | null): void {
    this.ssl = tcp?.ssl ?? false;
    this.open(address, port, source, this.ssl && tcp ? { serverName: tcp.serverName, insecureSkipVerify: tcp.insecureSkipVerify } : null);
  }

  protected onReady(_socket: Socket | TLSSocket): void {
    if (this.ssl) this.succeed('L6OK', 'TLS handshake completed');
    else this.succeed('L4OK', 'connected');
  }

  protected override requestTimeoutCode(): ProbeCode {
    return 'L4TOUT';
  }
}

/** Creates the TCP prober: connect, and with `ssl` also complete a TLS handshake. */
export function createTcpProber(): Prober {
  return {
    kind: 'tcp',
    probe(target, options) {
      return new Promise<ProbeOutcome>((resolve) => {
        new TcpProbe(resolve, options).start(target.address, target.port, target.sourceAddress, target.tcp);
      });
    },
  };
}
