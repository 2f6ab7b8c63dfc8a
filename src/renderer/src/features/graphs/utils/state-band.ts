import type { BackendState, ProbeSamplesDto } from '../../../../../shared/model';
import { BAND_COLOURS } from '../../../components/state-colours';

/** One run of equal states: from the first sample of the run to the first sample after it. */
export interface BandSegment {
  state: BackendState;
  fromMs: number;
  /** null: the run lasts until the newest sample (drawn to the right edge). */
  toMs: number | null;
}

/** Merges consecutive samples of the same state into segments, oldest first. */
export function bandSegments(s: ProbeSamplesDto): BandSegment[] {
  const out: BandSegment[] = [];
  for (let i = 0; i < s.atMs.length; i++) {
    const state = s.state[i]!;
    const at = s.atMs[i]!;
    const last = out[out.length - 1];
    if (last && last.state === state) continue;
    if (last) last.toMs = at;
    out.push({ state, fromMs: at, toMs: null });
  }
  return out;
}

/**
 * A second cue besides colour, so that states read without telling colours apart (and in grey-scale
 * prints): down is hatched, paused dotted, disabled cross-hatched, unknown striped sparsely.
 */
const PATTERN: Partial<Record<BackendState, (ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) => void>> = {
  down: (ctx, x, y, w, h) => hatch(ctx, x, y, w, h, 6, 1),
  disabled: (ctx, x, y, w, h) => {
    hatch(ctx, x, y, w, h, 6, 1);
    hatch(ctx, x, y, w, h, 6, -1);
  },
  unknown: (ctx, x, y, w, h) => hatch(ctx, x, y, w, h, 12, 1),
  paused: (ctx, x, y, w, h) => {
    for (let px = x + 3; px < x + w; px += 6) for (let py = y + 3; py < y + h; py += 6) ctx.fillRect(px, py, 1.5, 1.5);
  },
};

/** Text colour with enough contrast on each state's colour. */
const LABEL_INK: Record<BackendState, string> = { up: '#fff', down: '#fff', removed: '#fff', unknown: '#000', paused: '#000', disabled: '#000' };

function hatch(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, step: number, dir: 1 | -1): void {
  ctx.beginPath();
  for (let i = -h; i < w + h; i += step) {
    const x0 = x + i;
    ctx.moveTo(x0, dir > 0 ? y + h : y);
    ctx.lineTo(x0 + h, dir > 0 ? y : y + h);
  }
  ctx.stroke();
}

/** Draws the segments as a band of height `h` at `y`, clipped to [left, right], with labels where they fit. */
export function drawBand(ctx: CanvasRenderingContext2D, segs: BandSegment[], toX: (ms: number) => number, box: { left: number; right: number; y: number; h: number; pxRatio: number }): void {
  const { left, right, y, h, pxRatio } = box;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, y, right - left, h);
  ctx.clip();
  ctx.font = `${10 * pxRatio}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  // uPlot leaves its axis alignment on the context.
  ctx.textAlign = 'left';
  for (const seg of segs) {
    const x0 = Math.max(left, toX(seg.fromMs));
    const x1 = Math.min(right, seg.toMs === null ? right : toX(seg.toMs));
    if (x1 <= x0) continue;
    ctx.fillStyle = BAND_COLOURS[seg.state];
    ctx.fillRect(x0, y, x1 - x0, h);
    ctx.fillStyle = ctx.strokeStyle = 'rgba(0, 0, 0, 0.45)';
    ctx.lineWidth = pxRatio;
    PATTERN[seg.state]?.(ctx, x0, y, x1 - x0, h);
    const label = seg.state;
    if (x1 - x0 > ctx.measureText(label).width + 8 * pxRatio) {
      // Outlined in the state's own colour so the word stays legible over the pattern.
      ctx.lineWidth = 3 * pxRatio;
      ctx.strokeStyle = BAND_COLOURS[seg.state];
      ctx.strokeText(label, x0 + 4 * pxRatio, y + h / 2);
      ctx.fillStyle = LABEL_INK[seg.state];
      ctx.fillText(label, x0 + 4 * pxRatio, y + h / 2);
    }
  }
  ctx.restore();
}
