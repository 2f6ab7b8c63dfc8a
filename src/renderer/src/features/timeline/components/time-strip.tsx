import { useEffect, useRef } from 'react';
import type { TransitionRecord } from '../../../../../shared/model';
import { formatTime } from '../../../components/format';
import { BAND_COLOURS } from '../../../components/state-colours';

/** Shortest span the strip shows, so a single transition is not pinned to both edges. */
const MIN_SPAN_MS = 60_000;

/** Computes the strip's time range: from the oldest transition (or a minute ago) to now. */
export function stripRange(items: TransitionRecord[], nowMs: number): [number, number] {
  let t0 = nowMs - MIN_SPAN_MS;
  for (const i of items) if (i.atMs < t0) t0 = i.atMs;
  return [t0, nowMs];
}

/** Draws transitions as ticks on a labelled time axis (canvas: thousands of marks stay cheap). */
export function TimeStrip({ items, nowMs = Date.now() }: { items: TransitionRecord[]; nowMs?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [t0, t1] = stripRange(items, nowMs);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const w = (c.width = c.clientWidth * devicePixelRatio);
    const h = (c.height = 40 * devicePixelRatio);
    // Clear even when nothing matches, so a filter that empties the list empties the strip too.
    ctx.clearRect(0, 0, w, h);
    for (const it of items) {
      const x = ((it.atMs - t0) / (t1 - t0)) * (w - 4) + 2;
      ctx.fillStyle = BAND_COLOURS[it.to];
      ctx.fillRect(x - 1, it.to === 'down' ? 0 : h / 3, 2 * devicePixelRatio, it.to === 'down' ? h : h / 3);
    }
  }, [items, t0, t1]);
  return (
    <div className="time-strip-box">
      <canvas
        ref={canvas}
        className="time-strip"
        role="img"
        aria-label={`${items.length} transition${items.length === 1 ? '' : 's'} between ${formatTime(t0)} and now`}
      />
      <div className="time-strip-axis" aria-hidden="true">
        <span>{formatTime(t0)}</span>
        <span>{formatTime((t0 + t1) / 2)}</span>
        <span>now</span>
      </div>
    </div>
  );
}
