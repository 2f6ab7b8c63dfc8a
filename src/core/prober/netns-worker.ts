// The probe worker started inside a network namespace (`ip netns exec NS node netns-worker`): reads
// probe requests as JSON lines on stdin, answers with outcomes as JSON lines on stdout. Entry file.
import { createInterface } from 'node:readline';
import { createHttpProber } from './http-prober';
import { createIcmpProber } from './icmp-prober';
import { targetFromWire, type WireReply, type WireRequest } from './netns-protocol';
import { createTcpProber } from './tcp-prober';
import type { Prober, ProberKind } from './types';

const icmp = createIcmpProber();
const probers: Record<ProberKind, Prober> = { http: createHttpProber({ kind: 'http' }), https: createHttpProber({ kind: 'https' }), tcp: createTcpProber(), icmp };
const cache = new Map<string, ReturnType<typeof targetFromWire>>();

createInterface({ input: process.stdin }).on('line', (line) => {
  let req: WireRequest;
  try {
    req = JSON.parse(line) as WireRequest;
  } catch {
    return;
  }
  const key = JSON.stringify(req.target);
  let target = cache.get(key);
  if (!target) {
    target = targetFromWire(req.target);
    if (cache.size > 100_000) cache.clear();
    cache.set(key, target);
  }
  const prober = probers[target.kind];
  void prober.probe(target, { timeoutMs: req.timeoutMs }).then((outcome) => {
    const reply: WireReply = { id: req.id, outcome };
    process.stdout.write(JSON.stringify(reply) + '\n');
  });
});
process.stdin.on('end', () => {
  icmp.dispose();
  process.exit(0);
});
