// The probe worker started inside a network namespace (`ip netns exec NS node netns-worker`): reads the
// line protocol of netns-protocol.ts on stdin, runs the in-process probers, and answers on stdout, one
// write per event-loop turn. Entry file.
import { createHttpProber } from './http-prober';
import { createIcmpProber } from './icmp-prober';
import { createLineSplitter, decodeCommand, encodeReply } from './netns-protocol';
import { createTcpProber } from './tcp-prober';
import type { ProbeOutcome, Prober, ProberKind, ProbeTarget } from './types';

const icmp = createIcmpProber();
const probers: Record<ProberKind, Prober> = { http: createHttpProber({ kind: 'http' }), https: createHttpProber({ kind: 'https' }), tcp: createTcpProber(), icmp };
const targets = new Map<number, ProbeTarget>();
let out: string[] = [];

function flush(): void {
  process.stdout.write(out.join(''));
  out = [];
}

function answer(id: number, outcome: ProbeOutcome): void {
  if (out.length === 0) setImmediate(flush);
  out.push(encodeReply(id, outcome));
}

process.stdin.setEncoding('utf8');
process.stdin.on(
  'data',
  createLineSplitter((line) => {
    const cmd = decodeCommand(line);
    if (cmd === null) return;
    if (cmd.op === 'define') targets.set(cmd.tid, cmd.target);
    else if (cmd.op === 'forget') targets.delete(cmd.tid);
    else {
      const { id } = cmd;
      const target = targets.get(cmd.tid);
      if (!target) answer(id, { ok: false, code: 'INTERNAL', detail: 'probe worker lost its target', durationMs: 0 });
      else void probers[target.kind].probe(target, { timeoutMs: cmd.timeoutMs }).then((o) => answer(id, o));
    }
  }),
);
process.stdin.on('end', () => {
  icmp.dispose();
  process.exit(0);
});
