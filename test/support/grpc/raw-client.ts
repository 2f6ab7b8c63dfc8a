// Test-only: a gRPC client built from proto/maglev.proto alone (proto-loader + grpc-js, none of
// this module's client code), so server tests check the wire contract, not our own mapping.
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const PROTO = join(__dirname, '..', '..', '..', 'proto', 'maglev.proto');

export type Wire = Record<string, unknown>;

export interface RawClient {
  client: grpc.Client;
  call(
    rpc: string,
    req?: Wire,
    timeoutMs?: number,
  ): Promise<{ ok: true; value: Wire } | { ok: false; code: number; details: string }>;
  watch(req: Wire): grpc.ClientReadableStream<Wire>;
  close(): void;
}

/** Creates a proto-only client of `address` (plaintext unless `creds` is given). */
export function createRawClient(
  address: string,
  creds = grpc.credentials.createInsecure(),
  options: grpc.ChannelOptions = {},
): RawClient {
  const def = protoLoader.loadSync(PROTO, { keepCase: true, longs: String, defaults: true, oneofs: true });
  const pkg = grpc.loadPackageDefinition(def) as unknown as {
    maglev: { Maglev: grpc.ServiceClientConstructor };
  };
  const client = new pkg.maglev.Maglev(address, creds, options) as unknown as grpc.Client &
    Record<string, (...a: unknown[]) => unknown>;
  return {
    client,
    call(rpc, req = {}, timeoutMs = 5000) {
      return new Promise((resolve) => {
        client[rpc]!(req, { deadline: Date.now() + timeoutMs }, (e: grpc.ServiceError | null, v: Wire) =>
          resolve(e ? { ok: false, code: e.code, details: e.details } : { ok: true, value: v }),
        );
      });
    },
    watch: (req) => client['WatchEvents']!(req) as grpc.ClientReadableStream<Wire>,
    close: () => client.close(),
  };
}

/** Reads events from a stream until `n` arrived (or it ended), without timers. */
export function takeEvents(stream: grpc.ClientReadableStream<Wire>, n: number): Promise<Wire[]> {
  const got: Wire[] = [];
  return new Promise((resolve, reject) => {
    const onData = (d: Wire): void => {
      got.push(d);
      if (got.length >= n) {
        stream.off('data', onData);
        resolve(got);
      }
    };
    stream.on('data', onData);
    stream.once('error', (e) => (got.length >= n ? undefined : reject(e)));
    stream.once('end', () => resolve(got));
  });
}
