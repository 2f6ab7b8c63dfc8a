// Child process of bench-soak.ts: N flapping HTTP backends on loopback, backend i listening on
// 127.1.(i/250).(1+i%250) at one shared port (like the bench harness's `ips` layout). Each address
// answers 503 and 200 in turn, one per request, so with rise 1 / fall 1 every probe is a transition.
// Messages out (IPC): { ready: true, port } once all listen; { requests } in answer to { count: true }.
// It exits when its parent goes away, or after --max-sec at the latest.
//
//   node scripts/bench-soak-farm.mjs --n 5000 --max-sec 720
import { createServer } from 'node:net';

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} takes a positive integer`);
  return v;
}

const n = arg('n', 5000);
const maxSec = arg('max-sec', 720);
if (n > 250 * 256) throw new Error('at most 64,000 backends (127.1.0.1 – 127.1.255.250)');

const reply = (code) =>
  Buffer.from(
    `HTTP/1.1 ${code} ${code === 200 ? 'OK' : 'Service Unavailable'}\r\nContent-Length: 3\r\nConnection: close\r\n\r\n${code === 200 ? 'ok\n' : 'no\n'}`,
  );
const UP = reply(200);
const DOWN = reply(503);

const address = (i) => `127.1.${Math.floor(i / 250)}.${1 + (i % 250)}`;

let requests = 0;
const servers = [];

function listen(i, port) {
  // Odd requests pass, even ones fail, per address: a fresh backend goes unknown → down → up → down …
  let count = 0;
  const server = createServer((sock) => {
    sock.on('error', () => {});
    sock.once('data', () => {
      requests++;
      sock.end(count++ % 2 === 1 ? UP : DOWN);
    });
  });
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: address(i), backlog: 1024 }, () => resolve(server.address().port));
  });
}

const port = await listen(0, 0);
for (let i = 1; i < n; i += 500) {
  await Promise.all(Array.from({ length: Math.min(500, n - i) }, (_, k) => listen(i + k, port)));
}
process.send?.({ ready: true, port });
process.on('message', (m) => {
  if (m && m.count) process.send?.({ requests });
});
const stop = () => {
  for (const s of servers) s.close();
  process.exit(0);
};
process.on('disconnect', stop);
setTimeout(stop, maxSec * 1000);
