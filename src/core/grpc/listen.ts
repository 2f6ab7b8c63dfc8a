import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import type { Logger } from '../log';
import type { MaglevProto } from './proto';
import type { MaglevService } from './server';

/** PEM material for a TLS listener; `clientCa` turns on mutual TLS (client certificate required). */
export interface ServerTls {
  cert: Buffer;
  key: Buffer;
  clientCa?: Buffer | null;
}

export interface ListenOptions {
  /** `host:port`, `[v6]:port` or `:port` (all interfaces); port 0 picks a free port. */
  address: string;
  service: MaglevService;
  proto: MaglevProto;
  logger: Logger;
  /** Server reflection (grpcurl `list`/`describe`); on by default upstream and here. */
  reflection?: boolean;
  tls?: ServerTls | null;
  /** Extra grpc-js server options (keepalive enforcement, message sizes). */
  serverOptions?: grpc.ServerOptions;
}

/** A listening gRPC server. */
export interface GrpcListener {
  readonly server: grpc.Server;
  /** The bound `host:port` (with the real port when 0 was asked). */
  readonly address: string;
  readonly port: number;
  /** Ends the event streams, lets unary calls finish for `graceMs`, then forces the rest closed. */
  shutdown(graceMs?: number): Promise<void>;
}

/** Splits `host:port`; `:port` means every interface. */
export function splitHostPort(address: string): { host: string; port: number } | null {
  const m = /^(?:\[([0-9a-fA-F:.%\w]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(address.trim());
  if (!m) return null;
  const port = Number(m[3]);
  if (port > 65535) return null;
  return { host: m[1] ?? m[2] ?? '', port };
}

function credentials(tls: ServerTls | null | undefined): grpc.ServerCredentials {
  if (!tls) return grpc.ServerCredentials.createInsecure();
  const ca = tls.clientCa ?? null;
  return grpc.ServerCredentials.createSsl(ca, [{ cert_chain: tls.cert, private_key: tls.key }], ca !== null);
}

function bind(server: grpc.Server, target: string, creds: grpc.ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(target, creds, (e, port) => (e ? reject(e) : resolve(port)));
  });
}

function formatHost(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Binds a gRPC server with the Maglev service (and reflection) on `address`. */
export async function listenGrpc(opts: ListenOptions): Promise<GrpcListener> {
  const hp = splitHostPort(opts.address);
  if (!hp) throw new Error(`bad listen address "${opts.address}" (want HOST:PORT or :PORT)`);
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 4 * 1024 * 1024,
    ...opts.serverOptions,
  });
  server.addService(opts.service.definition, opts.service.implementation);
  if (opts.reflection !== false) new ReflectionService(opts.proto.packageDefinition).addToServer(server);
  const creds = credentials(opts.tls);
  let host = hp.host;
  let port: number;
  if (host === '') {
    // ':port' = all interfaces, as Go's net.Listen does; fall back to IPv4 where IPv6 is off.
    try {
      port = await bind(server, formatHost('::', hp.port), creds);
      host = '::';
    } catch {
      port = await bind(server, formatHost('0.0.0.0', hp.port), creds);
      host = '0.0.0.0';
    }
  } else {
    port = await bind(server, formatHost(host, hp.port), creds);
  }
  return {
    server,
    address: formatHost(host, port),
    port,
    shutdown: (graceMs = 5000) => shutdownServer(server, opts.service, graceMs),
  };
}

function shutdownServer(server: grpc.Server, service: MaglevService, graceMs: number): Promise<void> {
  service.endStreams();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    force.unref();
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}
