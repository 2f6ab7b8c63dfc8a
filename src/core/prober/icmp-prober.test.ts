import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createIcmpProber, parseIcmp } from './icmp-prober';
import type { ProbeTarget } from './types';

const isRoot = process.getuid?.() === 0;
const target = (address: string, family: 4 | 6): ProbeTarget => ({ kind: 'icmp', address, family, port: 0, sourceAddress: null, http: null, tcp: null });

describe('icmp prober', () => {
  it.skipIf(!isRoot)('gets an echo reply from 127.0.0.1 and ::1', async () => {
    const p = createIcmpProber({ identifier: 0x4d4d });
    try {
      const [a, b] = await Promise.all([p.probe(target('127.0.0.1', 4), { timeoutMs: 2000 }), p.probe(target('127.0.0.1', 4), { timeoutMs: 2000 })]);
      expect(a).toMatchObject({ ok: true, code: 'ICMPOK' });
      expect(b).toMatchObject({ ok: true, code: 'ICMPOK' });
      const v6 = await p.probe(target('::1', 6), { timeoutMs: 2000 });
      expect(v6.code).toBe('ICMPOK');
    } finally {
      p.dispose();
    }
  });

  // A host that never answers: a network namespace made here, reached over a veth pair, with echo replies
  // switched off inside it. Traffic never leaves this machine.
  const ns = `mm-icmp-${process.pid}`;
  const haveIp = isRoot && spawnSync('ip', ['-V']).status === 0;
  const sh = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
  it.skipIf(!haveIp)('times out (ICMPTOUT) when the host does not answer, and resolves on abort', async () => {
    const hostIf = `mmh${process.pid % 100000}`;
    const nsIf = `mmn${process.pid % 100000}`;
    sh('netns', 'add', ns);
    const p = createIcmpProber();
    try {
      sh('link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf);
      sh('link', 'set', nsIf, 'netns', ns);
      sh('addr', 'add', '169.254.77.1/30', 'dev', hostIf);
      sh('link', 'set', hostIf, 'up');
      sh('netns', 'exec', ns, 'ip', 'addr', 'add', '169.254.77.2/30', 'dev', nsIf);
      sh('netns', 'exec', ns, 'ip', 'link', 'set', nsIf, 'up');
      sh('netns', 'exec', ns, 'sysctl', '-qw', 'net.ipv4.icmp_echo_ignore_all=1');
      const r = await p.probe(target('169.254.77.2', 4), { timeoutMs: 300 });
      expect(r).toMatchObject({ ok: false, code: 'ICMPTOUT' });
      const ac = new AbortController();
      const pr = p.probe(target('169.254.77.2', 4), { timeoutMs: 5000, signal: ac.signal });
      ac.abort();
      expect(await pr).toMatchObject({ ok: false, detail: 'probe aborted' });
    } finally {
      p.dispose();
      spawnSync('ip', ['link', 'del', hostIf]);
      spawnSync('ip', ['netns', 'del', ns]);
    }
  });

  it('reports missing privilege as INTERNAL with a clear detail (non-root), never a throw', async (ctx) => {
    if (isRoot) ctx.skip(); // skipped: running as root; the privileged path is tested above
    const r = await createIcmpProber().probe(target('127.0.0.1', 4), { timeoutMs: 500 });
    expect(r).toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('parses replies and the echo quoted in an unreachable message', () => {
    const reply = Buffer.alloc(28);
    reply[0] = 0x45;
    reply[20] = 0; // echo reply
    reply.writeUInt16BE(0x1234, 24);
    reply.writeUInt16BE(7, 26);
    expect(parseIcmp(reply, 4)).toEqual({ type: 0, id: 0x1234, seq: 7 });
    const unr = Buffer.alloc(20 + 8 + 20 + 8);
    unr[0] = 0x45;
    unr[20] = 3;
    unr[28] = 0x45;
    unr.writeUInt16BE(0x1234, 48 + 4);
    unr.writeUInt16BE(9, 48 + 6);
    expect(parseIcmp(unr, 4)).toEqual({ type: 3, id: 0x1234, seq: 9 });
    const v6 = Buffer.alloc(8);
    v6[0] = 129;
    v6.writeUInt16BE(5, 4);
    v6.writeUInt16BE(6, 6);
    expect(parseIcmp(v6, 6)).toEqual({ type: 129, id: 5, seq: 6 });
    expect(parseIcmp(Buffer.alloc(3), 6)).toBeNull();
  });
});
