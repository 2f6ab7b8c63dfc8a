import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeUnreachable, isSameAddress } from './icmp-message';
import { createIcmpProber, parseIcmp } from './icmp-prober';
import { createNetnsProberRegistry, defaultWorkerCommand } from './netns-registry';
import type { ProbeOptions, ProbeTarget } from './types';

const isRoot = process.getuid?.() === 0;
const haveIp = isRoot && spawnSync('ip', ['-V']).status === 0;
const sh = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
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

  it.skipIf(!isRoot)('keeps 200 concurrent pings apart across addresses and families', async () => {
    const p = createIcmpProber();
    try {
      // Each 127.0.0.x answers from itself, so a reply matched to the wrong probe would fail the source check.
      const targets = [
        ...Array.from({ length: 150 }, (_, i) => target(`127.0.0.${1 + (i % 50)}`, 4)),
        ...Array.from({ length: 49 }, () => target('::1', 6)),
        target('0:0:0:0:0:0:0:1', 6), // another spelling of ::1
      ];
      const results = await Promise.all(targets.map((t) => p.probe(t, { timeoutMs: 5000 })));
      expect(results.filter((r) => r.code !== 'ICMPOK')).toEqual([]);
    } finally {
      p.dispose();
    }
  });

  // A host that never answers: a network namespace made here, reached over a veth pair, with echo replies
  // switched off inside it. Traffic never leaves this machine.
  const ns = `mm-icmp-${process.pid}`;
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
    if (isRoot) ctx.skip(); // skipped: running as root; the two-namespace suite drops CAP_NET_RAW instead
    const r = await createIcmpProber().probe(target('127.0.0.1', 4), { timeoutMs: 500 });
    expect(r).toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('parses replies and the echo quoted in an unreachable message', () => {
    const reply = Buffer.alloc(36);
    reply[0] = 0x45;
    reply[20] = 0; // echo reply
    reply.writeUInt16BE(0x1234, 24);
    reply.writeUInt16BE(7, 26);
    reply.write('maglevmm', 28, 'latin1');
    expect(parseIcmp(reply, 4)).toMatchObject({ type: 0, id: 0x1234, seq: 7, payload: Buffer.from('maglevmm') });
    const unr = Buffer.alloc(20 + 8 + 20 + 8);
    unr[0] = 0x45;
    unr[20] = 3;
    unr[21] = 1; // host unreachable
    unr[28] = 0x45;
    Buffer.from([198, 51, 100, 7]).copy(unr, 28 + 16);
    unr[48] = 8; // the quoted echo request
    unr.writeUInt16BE(0x1234, 48 + 4);
    unr.writeUInt16BE(9, 48 + 6);
    expect(parseIcmp(unr, 4)).toMatchObject({ type: 3, code: 1, id: 0x1234, seq: 9, dst: '198.51.100.7' });
    unr[48] = 13; // a quoted timestamp request is not ours
    expect(parseIcmp(unr, 4)).toBeNull();
    const v6 = Buffer.alloc(8);
    v6[0] = 129;
    v6.writeUInt16BE(5, 4);
    v6.writeUInt16BE(6, 6);
    expect(parseIcmp(v6, 6)).toMatchObject({ type: 129, id: 5, seq: 6 });
    const unr6 = Buffer.alloc(8 + 40 + 16);
    unr6[0] = 1;
    unr6[1] = 3;
    Buffer.from('20010db8007800020000000000000007', 'hex').copy(unr6, 8 + 24);
    unr6[48] = 128;
    unr6.writeUInt16BE(5, 48 + 4);
    unr6.writeUInt16BE(6, 48 + 6);
    const m6 = parseIcmp(unr6, 6);
    expect(m6).toMatchObject({ type: 1, code: 3, id: 5, seq: 6 });
    expect(isSameAddress(m6!.dst!, '2001:db8:78:2::7', 6)).toBe(true);
    expect(isSameAddress('::1', '::2', 6)).toBe(false);
    expect(isSameAddress('127.0.0.1', '127.0.0.2', 4)).toBe(false);
    expect(describeUnreachable(4, 1, '192.0.2.1')).toBe('host unreachable from 192.0.2.1');
    expect(describeUnreachable(6, 0, 'fe80::1')).toBe('no route to destination from fe80::1');
    expect(describeUnreachable(4, 99, '192.0.2.1')).toBe('destination unreachable (code 99) from 192.0.2.1');
    expect(parseIcmp(Buffer.alloc(3), 6)).toBeNull();
  });

  it('resolves (never rejects) on garbage input', async () => {
    const p = createIcmpProber();
    try {
      const bad = [null, {}, target('not-an-ip', 4), { ...target('127.0.0.1', 4), family: 5 }];
      for (const t of bad) expect(await p.probe(t as unknown as ProbeTarget, { timeoutMs: 100 })).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(await p.probe(target('127.0.0.1', 4), { timeoutMs: -1 })).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(await p.probe(target('127.0.0.1', 4), null as unknown as ProbeOptions)).toMatchObject({ ok: false, code: 'INTERNAL' });
    } finally {
      p.dispose();
    }
  });
});

// Real destination-unreachable messages: namespace A (the prober, through the netns worker) routes the
// documentation prefixes to namespace B over a veth pair; B has `unreachable` routes for them, so its
// kernel answers with ICMP errors. Nothing leaves the two namespaces made here.
describe.skipIf(!haveIp)('icmp destination unreachable (two namespaces)', () => {
  const nsA = `mm-icmpa-${process.pid}`;
  const nsB = `mm-icmpb-${process.pid}`;
  const inA = (...args: string[]) => sh('-n', nsA, ...args);
  const inB = (...args: string[]) => sh('-n', nsB, ...args);
  beforeAll(() => {
    sh('netns', 'add', nsA);
    sh('netns', 'add', nsB);
    inA('link', 'add', 'mma', 'type', 'veth', 'peer', 'name', 'mmb', 'netns', nsB);
    for (const [run, dev, v4, v6] of [
      [inA, 'mma', '169.254.78.1/30', '2001:db8:78:1::1/64'],
      [inB, 'mmb', '169.254.78.2/30', '2001:db8:78:1::2/64'],
    ] as const) {
      run('link', 'set', 'lo', 'up');
      run('addr', 'add', v4, 'dev', dev);
      run('-6', 'addr', 'add', v6, 'dev', dev, 'nodad');
      run('link', 'set', dev, 'up');
    }
    inA('route', 'add', '198.51.100.0/24', 'via', '169.254.78.2');
    inA('-6', 'route', 'add', '2001:db8:78:2::/64', 'via', '2001:db8:78:1::2');
    inB('route', 'add', 'unreachable', '198.51.100.0/24');
    inB('-6', 'route', 'add', 'unreachable', '2001:db8:78:2::/64');
    execFileSync('ip', ['netns', 'exec', nsB, 'sysctl', '-qw', 'net.ipv4.ip_forward=1', 'net.ipv6.conf.all.forwarding=1']);
  });
  afterAll(() => {
    spawnSync('ip', ['netns', 'del', nsA]);
    spawnSync('ip', ['netns', 'del', nsB]);
  });

  it('answers ICMPUNR with the reason and the reporting router, for IPv4 and IPv6', async () => {
    const reg = createNetnsProberRegistry({ netns: nsA });
    const icmp = reg.get('icmp');
    try {
      expect(await icmp.probe(target('169.254.78.2', 4), { timeoutMs: 5000 })).toMatchObject({ ok: true, code: 'ICMPOK' });
      expect(await icmp.probe(target('198.51.100.7', 4), { timeoutMs: 5000 })).toMatchObject({
        ok: false,
        code: 'ICMPUNR',
        detail: 'host unreachable from 169.254.78.2',
      });
      expect(await icmp.probe(target('2001:db8:78:2::7', 6), { timeoutMs: 5000 })).toMatchObject({
        ok: false,
        code: 'ICMPUNR',
        detail: 'no route to destination from 2001:db8:78:1::2',
      });
      // No route at all inside A: the kernel refuses the send itself.
      const local = await icmp.probe(target('203.0.113.9', 4), { timeoutMs: 5000 });
      expect(local).toMatchObject({ ok: false, code: 'ICMPUNR' });
      expect(local.detail).toMatch(/unreachable/i);
    } finally {
      await reg.dispose();
    }
  });

  it('answers INTERNAL, not a crash, when the process lacks CAP_NET_RAW', async (ctx) => {
    if (spawnSync('setpriv', ['--version']).status !== 0) ctx.skip(); // skipped: setpriv (util-linux) is missing
    // The worker runs as root but with CAP_NET_RAW dropped from its bounding and inheritable sets.
    const command = ['setpriv', '--bounding-set=-net_raw', '--inh-caps=-net_raw', ...defaultWorkerCommand()];
    const reg = createNetnsProberRegistry({ netns: nsA, workerCommand: command });
    try {
      const r = await reg.get('icmp').probe(target('169.254.78.2', 4), { timeoutMs: 5000 });
      expect(r).toMatchObject({ ok: false, code: 'INTERNAL', detail: 'ICMP needs root or CAP_NET_RAW' });
      expect(await reg.get('tcp').probe({ ...target('127.0.0.1', 4), kind: 'tcp', port: 1 }, { timeoutMs: 5000 })).toMatchObject({ code: 'L4CON' });
    } finally {
      await reg.dispose();
    }
  });
});
