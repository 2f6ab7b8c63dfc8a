import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ProbeSamplesDto } from '../../../../../shared/model';
import { formatMs, formatTime } from '../../../components/format';
import { BAND_COLOURS } from '../../../components/state-colours';
import { bandSegments, drawBand, type BandSegment } from '../utils/state-band';

const BAND_PX = 14;

/** An x range in seconds (uPlot's time unit), shared by the charts of one VIP; null: all data. */
export type XRange = [number, number] | null;

/** Converts samples into uPlot columns: x in seconds, latency of passes, latency of failures. */
export function toColumns(s: ProbeSamplesDto): uPlot.AlignedData {
  const xs = s.atMs.map((t) => t / 1000);
  const pass = s.durationMs.map((d, i) => (s.ok[i] ? d : null));
  const fail = s.durationMs.map((d, i) => (s.ok[i] ? null : d));
  return [xs, pass, fail];
}

/** Describes the probe at index `i` for the hover tooltip. */
export function describeSample(s: ProbeSamplesDto, i: number): string {
  return `${formatTime(s.atMs[i] ?? 0)} · ${s.ok[i] ? 'pass' : 'FAIL'} ${s.code[i]} · ${formatMs(s.durationMs[i] ?? 0)} · state ${s.state[i]}`;
}

/** Space under 0 ms, in CSS pixels: the state band plus a gap, so the band never hides a fast probe. */
const BAND_ROOM_PX = BAND_PX + 6;

/** Returns the y range that puts 0 ms BAND_ROOM_PX above the bottom of a plot `heightPx` tall. */
export function bandRange(max: number, heightPx: number): [number, number] {
  const top = Math.max(5, max * 1.15);
  if (heightPx <= BAND_ROOM_PX * 2) return [-top * 0.16, top];
  return [(-BAND_ROOM_PX * top) / (heightPx - BAND_ROOM_PX), top];
}

type Live = { samples: ProbeSamplesDto; segs: BandSegment[]; onRange: (r: XRange) => void; hovered: boolean };

function chartOptions(width: number, syncKey: string, live: { current: Live }, hover: (u: uPlot) => void): uPlot.Options {
  return {
    width,
    height: 150,
    // Zoom is owned by the VIP view so that every chart of the VIP shows the same window.
    cursor: { drag: { x: true, y: false, setScale: false }, sync: { key: syncKey } },
    legend: { show: false },
    scales: { x: { time: true }, y: { range: (u, _min, max) => bandRange(max, u.bbox.height / devicePixelRatio) } },
    axes: [
      { stroke: '#8b93a3', grid: { stroke: 'rgba(128,128,128,0.15)' } },
      { stroke: '#8b93a3', grid: { stroke: 'rgba(128,128,128,0.15)' }, values: (_u, vals) => vals.map((v) => `${v} ms`), size: 60 },
    ],
    series: [
      {},
      { label: 'pass', stroke: '#0072B2', width: 1.5, points: { show: false }, spanGaps: false },
      { label: 'fail', stroke: '#D55E00', width: 0, points: { show: true, size: 7, fill: '#D55E00' } },
    ],
    hooks: {
      draw: [
        (u) => {
          const { left, top, width: w, height } = u.bbox;
          const y = top + height - BAND_PX * devicePixelRatio;
          drawBand(u.ctx, live.current.segs, (ms) => u.valToPos(ms / 1000, 'x', true), { left, right: left + w, y, h: BAND_PX * devicePixelRatio, pxRatio: devicePixelRatio });
        },
      ],
      setSelect: [
        (u) => {
          if (u.select.width < 2) return;
          const min = u.posToVal(u.select.left, 'x');
          const max = u.posToVal(u.select.left + u.select.width, 'x');
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          live.current.onRange([min, max]);
        },
      ],
      setCursor: [hover],
    },
  };
}

/**
 * One backend's latency over time: pass line, fail points, a state band with patterns and labels.
 * Drag zooms every chart of the VIP, double-click resets; the cursor is synced across them and the
 * chart under the mouse shows the probe in a tooltip.
 */
export function LatencyChart(props: { samples: ProbeSamplesDto; width: number; syncKey: string; range: XRange; onRange: (r: XRange) => void }) {
  const { samples, width, syncKey, range, onRange } = props;
  const host = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const caption = useRef<HTMLSpanElement>(null);
  const plot = useRef<uPlot | null>(null);
  const segs = useMemo(() => bandSegments(samples), [samples]);
  const live = useRef<Live>({ samples, segs, onRange, hovered: false });
  live.current = { ...live.current, samples, segs, onRange };
  const idle = `${samples.atMs.length} probes — drag to zoom, double-click to reset`;
  useEffect(() => {
    if (!host.current) return;
    // Hover text is written to the DOM directly: a synced cursor moves every chart of the VIP at once.
    const hover = (u: uPlot) => {
      const i = u.cursor.idx;
      const s = live.current.samples;
      const text = i == null || s.atMs[i] === undefined ? null : describeSample(s, i);
      if (caption.current) caption.current.textContent = text ?? `${s.atMs.length} probes — drag to zoom, double-click to reset`;
      const t = tip.current;
      if (!t) return;
      if (!text || !live.current.hovered) return void (t.hidden = true);
      t.hidden = false;
      t.textContent = text;
      const x = u.over.offsetLeft + (u.cursor.left ?? 0);
      t.style.left = `${x > u.over.offsetLeft + u.over.clientWidth / 2 ? x - t.offsetWidth - 12 : x + 12}px`;
      t.style.top = `${u.over.offsetTop + Math.max(0, (u.cursor.top ?? 0) - 28)}px`;
    };
    const u = new uPlot(chartOptions(width, syncKey, live, hover), toColumns(live.current.samples), host.current);
    plot.current = u;
    const el = host.current;
    const reset = () => live.current.onRange(null);
    const enter = () => void (live.current.hovered = true);
    const leave = () => {
      live.current.hovered = false;
      if (tip.current) tip.current.hidden = true;
    };
    el.addEventListener('dblclick', reset);
    el.addEventListener('mouseenter', enter);
    el.addEventListener('mouseleave', leave);
    return () => {
      el.removeEventListener('dblclick', reset);
      el.removeEventListener('mouseenter', enter);
      el.removeEventListener('mouseleave', leave);
      u.destroy();
      plot.current = null;
    };
  }, [width, syncKey]);
  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    u.setData(toColumns(samples), range === null);
    if (range) u.setScale('x', { min: range[0], max: range[1] });
  }, [samples, range]);
  return (
    <figure className="latency-chart" aria-label={`probe latency and state of ${samples.backend}`}>
      <figcaption>
        <strong>{samples.backend}</strong>{' '}
        <span className="muted" ref={caption}>
          {idle}
        </span>
      </figcaption>
      <div className="chart-host" ref={host}>
        <div className="chart-tip" ref={tip} role="tooltip" hidden />
      </div>
      <div className="band-labels" aria-hidden="true">
        {(['up', 'down', 'unknown', 'paused', 'disabled'] as const).map((s) => (
          <span key={s}>
            <i className={`swatch swatch-${s}`} style={{ background: BAND_COLOURS[s] }} /> {s}
          </span>
        ))}
      </div>
      <table className="sr-only" aria-label={`state band of ${samples.backend}`}>
        <tbody>
          <tr>
            <td data-testid="band-states">{segs.map((g) => `${g.state} from ${formatTime(g.fromMs)}`).join(', ')}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
