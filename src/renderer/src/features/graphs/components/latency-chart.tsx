import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { BackendState, ProbeSamplesDto } from '../../../../../shared/model';
import { formatMs, formatTime } from '../../../components/format';
import { BAND_COLOURS } from '../../../components/state-colours';

const BAND_PX = 14;

/** Converts samples into uPlot columns: x in seconds, latency of passes, latency of failures. */
export function toColumns(s: ProbeSamplesDto): uPlot.AlignedData {
  const xs = s.atMs.map((t) => t / 1000);
  const pass = s.durationMs.map((d, i) => (s.ok[i] ? d : null));
  const fail = s.durationMs.map((d, i) => (s.ok[i] ? null : d));
  return [xs, pass, fail];
}

/** Leaves room below 0 ms for the state band. */
function bandRange(max: number): [number, number] {
  const top = Math.max(5, max * 1.15);
  return [-top * 0.16, top];
}

/** Draws the state band along the bottom of the plot, following zoom (drawn in plot coordinates). */
function drawStateBand(u: uPlot, s: ProbeSamplesDto): void {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const y = top + height - BAND_PX * devicePixelRatio;
  ctx.save();
  for (let i = 0; i < s.atMs.length; i++) {
    const x0 = u.valToPos((s.atMs[i] ?? 0) / 1000, 'x', true);
    const x1 = i + 1 < s.atMs.length ? u.valToPos((s.atMs[i + 1] ?? 0) / 1000, 'x', true) : left + width;
    if (x1 < left || x0 > left + width) continue;
    ctx.fillStyle = BAND_COLOURS[s.state[i] as BackendState] ?? '#777';
    ctx.fillRect(Math.max(left, x0), y, Math.min(left + width, x1) - Math.max(left, x0), BAND_PX * devicePixelRatio);
  }
  ctx.restore();
}

/** One backend's latency over time with pass/fail points and a state band; drag to zoom, double-click resets. */
export function LatencyChart({ samples, width }: { samples: ProbeSamplesDto; width: number }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = useRef(samples);
  data.current = samples;
  const [hover, setHover] = useState<string | null>(null);
  const zoomedRef = useRef(false);
  useEffect(() => {
    if (!host.current) return;
    const opts: uPlot.Options = {
      width,
      height: 150,
      cursor: { drag: { x: true, y: false } },
      legend: { show: false },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => bandRange(max) } },
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
        draw: [(u) => drawStateBand(u, data.current)],
        setSelect: [() => void (zoomedRef.current = true)],
        setCursor: [
          (u) => {
            const i = u.cursor.idx;
            const s = data.current;
            if (i == null || s.atMs[i] === undefined) return setHover(null);
            setHover(`${formatTime(s.atMs[i] ?? 0)} · ${s.ok[i] ? 'pass' : 'FAIL'} ${s.code[i]} · ${formatMs(s.durationMs[i] ?? 0)} · state ${s.state[i]}`);
          },
        ],
      },
    };
    plot.current = new uPlot(opts, toColumns(data.current), host.current);
    const el = host.current;
    const unzoom = () => void (zoomedRef.current = false);
    el.addEventListener('dblclick', unzoom);
    return () => {
      el.removeEventListener('dblclick', unzoom);
      plot.current?.destroy();
    };
  }, [width]);
  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    // Keep the zoom the user chose while new samples arrive (but range the first data normally).
    const zoomed = u.scales.x?.min != null && u.select.width === 0 && zoomedRef.current;
    u.setData(toColumns(samples), !zoomed);
  }, [samples]);
  const pan = (dir: -1 | 1) => {
    const u = plot.current;
    if (!u) return;
    const { min, max } = u.scales.x ?? {};
    if (min == null || max == null) return;
    const step = ((max - min) / 2) * dir;
    zoomedRef.current = true;
    u.setScale('x', { min: min + step, max: max + step });
  };
  return (
    <figure className="latency-chart" aria-label={`probe latency and state of ${samples.backend}`}>
      <figcaption>
        <strong>{samples.backend}</strong> <span className="muted">{hover ?? `${samples.atMs.length} probes — drag to zoom, double-click to reset`}</span>
        <span className="spacer" />
        <button type="button" onClick={() => pan(-1)} aria-label={`Pan ${samples.backend} back`}>
          ◀
        </button>
        <button type="button" onClick={() => pan(1)} aria-label={`Pan ${samples.backend} forward`}>
          ▶
        </button>
      </figcaption>
      <div ref={host} />
      <div className="band-labels" aria-hidden="true">
        {(['up', 'down', 'unknown', 'paused', 'disabled'] as const).map((s) => (
          <span key={s}>
            <i style={{ background: BAND_COLOURS[s] }} /> {s}
          </span>
        ))}
      </div>
      <table className="sr-only" aria-label={`state band of ${samples.backend}`}>
        <tbody>
          <tr>
            <td data-testid="band-states">{[...new Set(samples.state)].join(' ')}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
