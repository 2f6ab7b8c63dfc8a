import { describe, expect, it } from 'vitest';
import type { ProbeSamplesDto } from '../../../../../shared/model';
import { bandSegments, drawBand } from './state-band';

const samples: ProbeSamplesDto = {
  backend: 'a',
  atMs: [0, 10, 20, 30, 40],
  durationMs: [1, 1, 1, 1, 1],
  ok: [true, true, false, false, true],
  code: ['L7OK', 'L7OK', 'L7STS', 'L7STS', 'L7OK'],
  state: ['up', 'up', 'down', 'down', 'paused'],
};

/** Records what a canvas is asked to draw. */
function recordingContext() {
  const calls: string[] = [];
  const ctx = new Proxy(
    { measureText: (t: string) => ({ width: t.length * 6 }) },
    {
      get: (target, prop: string) => (prop in target ? target[prop as keyof typeof target] : (...args: unknown[]) => void calls.push(`${prop}(${args.join(',')})`)),
      set: (_t, prop: string, v) => (calls.push(`${prop}=${v}`), true),
    },
  );
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

describe('bandSegments', () => {
  it('merges runs of one state; the newest run lasts to the right edge', () => {
    expect(bandSegments(samples)).toEqual([
      { state: 'up', fromMs: 0, toMs: 20 },
      { state: 'down', fromMs: 20, toMs: 40 },
      { state: 'paused', fromMs: 40, toMs: null },
    ]);
    expect(bandSegments({ ...samples, atMs: [], state: [] })).toEqual([]);
  });
});

describe('drawBand', () => {
  it('fills each state with its colour, hatches down, and labels the runs wide enough for their name', () => {
    const { ctx, calls } = recordingContext();
    drawBand(ctx, bandSegments(samples), (ms) => ms * 10, { left: 0, right: 420, y: 100, h: 14, pxRatio: 1 });
    expect(calls).toContain('fillStyle=#009E73');
    expect(calls).toContain('fillStyle=#D55E00');
    expect(calls).toContain('fillRect(0,100,200,14)');
    expect(calls).toContain('fillRect(400,100,20,14)');
    expect(calls.filter((c) => c.startsWith('fillText('))).toEqual(['fillText(up,4,107)', 'fillText(down,204,107)']);
    expect(calls.indexOf('stroke()')).toBeGreaterThan(calls.indexOf('fillStyle=#D55E00'));
  });
});
