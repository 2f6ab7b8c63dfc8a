// Child process of bench-soak.ts: one WatchEvents subscriber (plain grpc-js + proto-loader, full
// decoding) in its own process, so that what the soak measures is the daemon side alone. Counts the
// backend events and the events the daemon reported as dropped for it.
// Messages in (IPC): { count: true }. Out: { events, dropped }. Exits when its parent goes away.
//
//   node scripts/bench-soak-watcher.mjs ADDRESS PROTO
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const [address, proto] = process.argv.slice(2);
const def = protoLoader.loadSync(proto, { keepCase: true, longs: String, defaults: true, oneofs: true });
const Maglev = grpc.loadPackageDefinition(def).maglev.Maglev;
const client = new Maglev(address, grpc.credentials.createInsecure());
let events = 0;
let dropped = 0;
const stream = client.WatchEvents({ backend: true, frontend: true });
stream.on('data', (e) => {
  if (e.event === 'backend') events++;
  else if (e.event === 'log' && e.log.msg === 'events-dropped') dropped += Number(e.log.attrs.count);
});
stream.on('error', (e) => {
  if (e.code !== grpc.status.CANCELLED) console.error(`soak watcher: ${e.message}`);
});
process.on('message', (m) => {
  if (m && m.count) process.send?.({ events, dropped });
});
process.on('disconnect', () => {
  stream.cancel();
  client.close();
  process.exit(0);
});
