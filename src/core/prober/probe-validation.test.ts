import { describe, expect, it } from 'vitest';
import { describeInvalidProbe, describeInvalidTarget, guardProber } from './probe-validation';
import { createProberRegistry } from './registry';
import { httpTarget } from './testing/servers';
import type { ProbeOptions, ProbeOutcome, Prober, ProberKind, ProbeTarget } from './types';

const OK: ProbeOutcome = { ok: true, code: 'L7OK', detail: 'HTTP 200', durationMs: 1 };

/** An inner prober that records what reaches it (and can be told to throw). */
function recordingProber(throwing = false): Prober & { seen: ProbeTarget[] } {
  const seen: ProbeTarget[] = [];
  return {
    kind: 'http',
    seen,
    probe(target) {
      seen.push(target);
      if (throwing) throw new Error('boom');
      return Promise.resolve(OK);
    },
  };
}

describe('probe validation', () => {
  it('accepts well-formed targets of every kind', () => {
    const t = httpTarget(80);
    expect(describeInvalidTarget(t)).toBeNull();
    expect(describeInvalidTarget({ ...t, kind: 'tcp', http: null })).toBeNull();
    expect(describeInvalidTarget({ ...t, kind: 'icmp', port: 0, http: null, address: '::1', family: 6 })).toBeNull();
    expect(describeInvalidTarget({ ...t, sourceAddress: '127.0.0.2', http: { ...t.http!, regexp: /ok/ } })).toBeNull();
    expect(describeInvalidProbe(t, { timeoutMs: 1000 })).toBeNull();
  });

  it('names what is wrong with garbage', () => {
    const t = httpTarget(80);
    const cases: [unknown, string][] = [
      [null, 'no target'],
      ['127.0.0.1', 'no target'],
      [{ ...t, kind: 'gopher' }, 'kind gopher'],
      [{ ...t, address: 'backend.example' }, 'address backend.example is not an IP literal'],
      [{ ...t, family: 5 }, 'family 5'],
      [{ ...t, family: 6 }, 'address 127.0.0.1 is not IPv6'],
      [{ ...t, port: 70000 }, 'port 70000'],
      [{ ...t, port: 1.5 }, 'port 1.5'],
      [{ ...t, sourceAddress: 'localhost' }, 'source address localhost is not an IP literal'],
      [{ ...t, http: null }, 'http parameters missing'],
      [{ ...t, http: { ...t.http!, regexp: 'ok' } }, 'regexp is not a RegExp'],
    ];
    for (const [target, reason] of cases) expect(describeInvalidTarget(target)).toBe(reason);
    for (const o of [null, {}, { timeoutMs: 0 }, { timeoutMs: -5 }, { timeoutMs: Number.NaN }, { timeoutMs: Infinity }, { timeoutMs: '1000' }])
      expect(describeInvalidProbe(t, o)).toMatch(/^timeout /);
  });

  it('guards a prober: garbage resolves INTERNAL and never reaches it (no DNS for names)', async () => {
    const inner = recordingProber();
    const p = guardProber(inner);
    const good = httpTarget(80);
    expect(await p.probe(good, { timeoutMs: 1000 })).toBe(OK);
    expect(await p.probe(good, { timeoutMs: 1000 })).toBe(OK);
    const named = { ...good, address: 'backend.example' };
    for (const [t, o] of [
      [named, { timeoutMs: 1000 }],
      [named, { timeoutMs: 1000 }],
      [null, { timeoutMs: 1000 }],
      [good, null],
      [good, { timeoutMs: Number.NaN }],
    ] as const) {
      const r = await p.probe(t as unknown as ProbeTarget, o as unknown as ProbeOptions);
      expect(r).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(r.detail).toMatch(/^invalid probe: /);
    }
    expect(inner.seen).toEqual([good, good]);
    expect(p.kind).toBe('http');
  });

  it('turns a prober that throws into an INTERNAL result', async () => {
    const r = await guardProber(recordingProber(true)).probe(httpTarget(80), { timeoutMs: 1000 });
    expect(r).toEqual({ ok: false, code: 'INTERNAL', detail: 'invalid probe: boom', durationMs: 0 });
  });
});

describe('registry probers', () => {
  it.each([
    ['in-process', {}],
    ['threaded', { threads: 2 }],
  ])('never reject or resolve names on garbage, for every kind (%s)', async (_name, options) => {
    const reg = createProberRegistry(options);
    try {
      const named = { ...httpTarget(80), address: 'localhost' };
      for (const kind of ['http', 'https', 'tcp', 'icmp'] as const) {
        for (const [t, o] of [
          [null, { timeoutMs: 100 }],
          [{ ...named, kind }, { timeoutMs: 100 }],
          [{ ...httpTarget(1), kind }, null],
        ] as const) {
          const r = await reg.get(kind).probe(t as unknown as ProbeTarget, o as unknown as ProbeOptions);
          expect(r).toMatchObject({ ok: false, code: 'INTERNAL' });
          expect(r.detail).toMatch(/^invalid probe: /);
        }
      }
      expect(await reg.get('gopher' as ProberKind).probe(httpTarget(1), { timeoutMs: 100 })).toMatchObject({ code: 'INTERNAL' });
      // A signal aborted before the probe starts resolves at once, with the kind's own timeout code.
      const signal = AbortSignal.abort();
      const icmp = { ...httpTarget(0), kind: 'icmp' as const, http: null };
      expect(await reg.get('icmp').probe(icmp, { timeoutMs: 60_000, signal })).toMatchObject({ code: 'ICMPTOUT', detail: 'probe aborted' });
      expect(await reg.get('tcp').probe({ ...httpTarget(1), kind: 'tcp' }, { timeoutMs: 60_000, signal })).toMatchObject({ code: 'L4TOUT', detail: 'probe aborted' });
    } finally {
      await reg.dispose();
    }
  });
});
