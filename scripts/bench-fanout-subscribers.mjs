// Worker thread of bench-fanout.ts: the WatchEvents subscribers, on their own event loop (and core), so
// that decoding 50 streams does not run on the checker's thread and skew what is measured there.
// workerData: { address, count, proto, fullDecode }. Messages in: { mark: ms } | { report: true } | { close: true }.
// Messages out: { ready: true } once every reading stream has received an event (its subscription is
// live in the daemon, so a mark set after that misses nothing), then { report: [...] } per report.
//
// By default a reader decodes only what it counts (the event kind, a transition's at_ns, a drop
// notice's count) straight from the bytes: 50 readers decoding whole messages with proto-loader need
// about half a core, and on a busy 2-vCPU machine they, not the daemon, became the bottleneck (a
// reader that does not read loses events by design). --full-decode restores proto-loader decoding.
import { parentPort, workerData } from 'node:worker_threads';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const def = protoLoader.loadSync(workerData.proto, {
  keepCase: true,
  longs: String,
  defaults: true,
  oneofs: true,
});
const Maglev = grpc.loadPackageDefinition(def).maglev.Maglev;
const method = Maglev.service.WatchEvents;

/** Reads a varint at `pos` as a double (exact below 2^53; at_ns only needs ms precision). */
function varint(buf, pos) {
  let value = 0;
  for (let scale = 1; ; scale *= 128) {
    const b = buf[pos++];
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, pos];
  }
}

/** Calls `onField(field, wireType, value | [start, end])` for each field of the message in buf[start, end). */
function fields(buf, start, end, onField) {
  let pos = start;
  while (pos < end) {
    const [tag, p] = varint(buf, pos);
    pos = p;
    const field = Math.floor(tag / 8);
    const type = tag & 7;
    if (type === 0) {
      const [v, q] = varint(buf, pos);
      pos = q;
      onField(field, type, v);
    } else if (type === 2) {
      const [len, q] = varint(buf, pos);
      onField(field, type, [q, q + len]);
      pos = q + len;
    } else if (type === 1) pos += 8;
    else if (type === 5) pos += 4;
    else throw new Error(`wire type ${type}`);
  }
}

/** Event bytes → { event: 'backend', atMs } | { event: 'log', msg, count } | { event: other }. */
function lightDecode(buf) {
  const out = { event: '' };
  fields(buf, 0, buf.length, (f, _t, range) => {
    if (f === 2) {
      out.event = 'backend';
      fields(buf, range[0], range[1], (bf, _bt, tr) => {
        if (bf === 2) fields(buf, tr[0], tr[1], (tf, _tt, v) => tf === 3 && (out.atMs = v / 1e6));
      });
    } else if (f === 1) {
      out.event = 'log';
      fields(buf, range[0], range[1], (lf, _lt, r) => {
        if (lf === 3) out.msg = buf.toString('utf8', r[0], r[1]);
        if (lf === 4) {
          let key = '';
          fields(buf, r[0], r[1], (ef, _et, er) => {
            if (ef === 1) key = buf.toString('utf8', er[0], er[1]);
            else if (ef === 2 && key === 'count') out.count = Number(buf.toString('utf8', er[0], er[1]));
          });
        }
      });
    } else if (f === 3) out.event = 'frontend';
  });
  return out;
}

function fromFull(e) {
  if (e.event === 'backend') return { event: 'backend', atMs: Number(e.backend.transition.at_ns) / 1e6 };
  if (e.event === 'log') return { event: 'log', msg: e.log.msg, count: Number(e.log.attrs.count) };
  return { event: e.event };
}

let markMs = Infinity;
const subs = [];
let live = 0;
for (let i = 0; i < workerData.count; i++) {
  const client = new Maglev(workerData.address, grpc.credentials.createInsecure());
  const stream = workerData.fullDecode
    ? client.WatchEvents({ backend: true })
    : client.makeServerStreamRequest(method.path, method.requestSerialize, lightDecode, { backend: true });
  const sub = { client, stream, afterMark: 0, dropped: 0, live: false };
  stream.on('error', () => {});
  stream.on('data', (raw) => {
    const e = workerData.fullDecode ? fromFull(raw) : raw;
    if (!sub.live && i > 0) {
      sub.live = true;
      if (++live === workerData.count - 1) parentPort.postMessage({ ready: true });
    }
    if (e.event === 'backend' && e.atMs >= markMs) sub.afterMark++;
    else if (e.event === 'log' && e.msg === 'events-dropped') sub.dropped += e.count;
  });
  // The stalled subscriber reads its first event, then never again. (A grpc-js stream paused before
  // its first message is not stalled at all: grpc-js keeps reading it into an unbounded buffer.)
  if (i === 0) stream.once('data', () => stream.pause());
  subs.push(sub);
}
parentPort.on('message', (m) => {
  if (m.mark !== undefined) markMs = m.mark;
  if (m.report)
    parentPort.postMessage({ report: subs.map((s) => ({ afterMark: s.afterMark, dropped: s.dropped })) });
  if (m.close) {
    for (const s of subs) {
      s.stream.cancel();
      s.client.close();
    }
    parentPort.close();
  }
});
