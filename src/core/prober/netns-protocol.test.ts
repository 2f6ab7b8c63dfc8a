import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createLineSplitter,
  decodeCommand,
  decodeReply,
  encodeDefine,
  encodeForget,
  encodeProbe,
  encodeReply,
  targetToWire,
} from './netns-protocol';
import { httpTarget } from './testing/servers';
import type { ProbeOutcome } from './types';

/** Decodes one encoded line (the encoders end lines with '\n'). */
const line = (s: string): string => {
  expect(s.endsWith('\n')).toBe(true);
  return s.slice(0, -1);
};

describe('netns line protocol', () => {
  it('round-trips define (with its regexp), forget and probe commands', () => {
    const target = httpTarget(8080, { regexp: /^ok\s/im, serverName: 'backend.example' }, { sourceAddress: '127.0.0.2' });
    const d = decodeCommand(line(encodeDefine(7, JSON.stringify(targetToWire(target)))));
    expect(d).toEqual({ op: 'define', tid: 7, target });
    if (d?.op !== 'define') throw new Error('not a define');
    expect(d.target.http?.regexp).toBeInstanceOf(RegExp);
    expect(d.target.http?.regexp?.flags).toBe('im');
    expect(decodeCommand(line(encodeForget(7)))).toEqual({ op: 'forget', tid: 7 });
    expect(decodeCommand(line(encodeProbe(123456, 7, 1500)))).toEqual({ op: 'probe', id: 123456, tid: 7, timeoutMs: 1500 });
  });

  it('rejects malformed commands instead of throwing', () => {
    for (const bad of ['', 'P', 'P 1', 'P 1 2', 'P 1 2 0', 'P x 2 100', 'P 1 y 100', 'D 1', 'D 1 {not json', 'X 1 2 3', 'F x', 'P1 2 3'])
      expect(decodeCommand(bad)).toBeNull();
  });

  it('round-trips replies, keeping spaces and flattening line breaks in the detail', () => {
    const outcomes: ProbeOutcome[] = [
      { ok: true, code: 'L7OK', detail: 'HTTP 200', durationMs: 1.25 },
      { ok: false, code: 'L7BODY', detail: 'HTTP 200, body does not match ^ok é', durationMs: 0 },
      { ok: false, code: 'INTERNAL', detail: '', durationMs: 3 },
    ];
    for (const o of outcomes) expect(decodeReply(line(encodeReply(42, o)))).toEqual({ id: 42, outcome: o });
    expect(decodeReply(line(encodeReply(1, { ok: false, code: 'L6RSP', detail: 'a\r\nb\nc', durationMs: 2 })))?.outcome.detail).toBe('a b c');
    for (const bad of ['', '1', '1 1 L7OK', 'x 1 L7OK 2 d', '1 1 L7OK x d']) expect(decodeReply(bad)).toBeNull();
  });

  it('splits any chunking of a stream into the same lines', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }).map((s) => s.replace(/\n/g, ''))), fc.array(fc.nat(40)), (lines, cuts) => {
        const text = lines.map((l) => `${l}\n`).join('');
        const seen: string[] = [];
        const feed = createLineSplitter((l) => seen.push(l));
        let at = 0;
        for (const c of cuts) {
          feed(text.slice(at, at + c));
          at = Math.min(text.length, at + c);
        }
        feed(text.slice(at));
        expect(seen).toEqual(lines);
      }),
    );
  });
});
