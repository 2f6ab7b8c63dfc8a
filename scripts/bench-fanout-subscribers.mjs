// Worker thread of bench-fanout.ts: the WatchEvents subscribers, on their own event loop (and core), so
// that decoding 50 streams does not run on the checker's thread and skew what is measured there.
// workerData: { address, count, proto }. Messages in: { mark: ms } | { report: true } | { close: true }.
import { parentPort, workerData } from 'node:worker_threads';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const def = protoLoader.loadSync(workerData.proto, { keepCase: true, longs: String, defaults: true, oneofs: true });
const Maglev = grpc.loadPackageDefinition(def).maglev.Maglev;
let markMs = Infinity;
const subs = [];
for (let i = 0; i < workerData.count; i++) {
  const client = new Maglev(workerData.address, grpc.credentials.createInsecure());
  const stream = client.WatchEvents({ backend: true });
  const sub = { client, stream, afterMark: 0, dropped: 0 };
  stream.on('error', () => {});
  stream.on('data', (e) => {
    if (e.event === 'backend' && Number(e.backend.transition.at_ns) / 1e6 >= markMs) sub.afterMark++;
    else if (e.log && e.log.msg === 'events-dropped') sub.dropped += Number(e.log.attrs.count);
  });
  if (i === 0) stream.pause(); // the stalled subscriber: never reads
  subs.push(sub);
}
parentPort.on('message', (m) => {
  if (m.mark !== undefined) markMs = m.mark;
  if (m.report) parentPort.postMessage(subs.map((s) => ({ afterMark: s.afterMark, dropped: s.dropped })));
  if (m.close) {
    for (const s of subs) {
      s.stream.cancel();
      s.client.close();
    }
    parentPort.close();
  }
});
