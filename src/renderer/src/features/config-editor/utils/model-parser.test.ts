import { describe, expect, it } from 'vitest';
import { parseConfigModel } from './config-model';
import { createModelParser, SYNC_PARSE_LIMIT } from './model-parser';

const big = `maglev:\n  backends:\n${'    # padding to make the text large\n'.repeat(Math.ceil(SYNC_PARSE_LIMIT / 30))}    a: { address: 10.0.0.1, healthcheck: web }\n`;

/** A worker stand-in that parses on demand and counts what it was asked. */
function fakeWorker() {
  const asked: string[] = [];
  let onMessage: ((e: MessageEvent) => void) | null = null;
  const queue: { id: number; text: string }[] = [];
  const worker = {
    addEventListener: (_: string, f: (e: MessageEvent) => void) => (onMessage = f),
    postMessage: (m: { id: number; text: string }) => {
      asked.push(m.text);
      queue.push(m);
    },
    terminate: () => {},
  } as unknown as Worker;
  const answer = () => {
    for (const m of queue.splice(0)) onMessage?.({ data: { id: m.id, result: parseConfigModel(m.text) } } as MessageEvent);
  };
  return { worker, asked, answer };
}

describe('createModelParser', () => {
  it('parses small texts in place and large ones once on the worker, shared by every caller', async () => {
    const w = fakeWorker();
    const p = createModelParser(() => w.worker);
    expect(p.peek('maglev: {}\n')?.ok).toBe(true);
    expect(p.peek(big)).toBeUndefined();
    const both = Promise.all([p.parse(big), p.parse(big)]);
    w.answer();
    const [a, b] = await both;
    expect(a).toBe(b);
    expect(a.ok && a.model.backends.map((x) => x.name)).toEqual(['a']);
    expect(w.asked).toHaveLength(1);
    expect(p.peek(big)).toBe(a);
  });

  it('parses everything in place without a worker', async () => {
    const p = createModelParser(null);
    expect((await p.parse(big)).ok).toBe(true);
  });
});
