import { BACKEND_STATES, OPERATOR_CODES, PROBE_CODES } from '../../shared/model';
import type { BackendState } from '../../shared/model';

/** Samples kept per backend unless the caller says otherwise: one hour at a 1 s interval. */
export const DEFAULT_HISTORY_CAPACITY = 3600;

/**
 * Bytes per stored sample: 8 (Float64 time) + 4 (Float32 duration) + 1 (code index)
 * + 1 (state in the low 3 bits, ok in bit 7) = 14. See docs/history.md.
 */
export const HISTORY_BYTES_PER_SAMPLE = 14;

const SAMPLE_CODES: readonly string[] = [...PROBE_CODES, ...OPERATOR_CODES];
const OTHER_CODE = 255;
const OK_BIT = 0x80;
const STATE_MASK = 0x07;
const FIRST_ALLOCATION = 64;

/** Probe samples in a time range, as parallel arrays in ascending time. */
export interface SampleColumns {
  atMs: number[];
  durationMs: number[];
  ok: boolean[];
  code: string[];
  state: BackendState[];
}

/** A bounded ring of probe samples; recording allocates nothing once the ring has grown. */
export interface ProbeHistory {
  record(atMs: number, durationMs: number, ok: boolean, code: string, state: BackendState): void;
  /** Returns the samples with `fromMs <= atMs <= toMs`, oldest first. */
  query(fromMs?: number, toMs?: number): SampleColumns;
  readonly size: number;
  readonly capacity: number;
}

// Immutable lookup table: code → index, built once.
const CODE_INDEX: ReadonlyMap<string, number> = new Map(SAMPLE_CODES.map((c, i) => [c, i]));

function codeIndex(code: string): number {
  return CODE_INDEX.get(code) ?? OTHER_CODE;
}

/**
 * Creates a probe-history ring. The typed arrays start small and double up to `capacity`, so a
 * backend probed for a minute costs a minute of samples, not the full hour.
 */
export function createProbeHistory(capacity: number = DEFAULT_HISTORY_CAPACITY): ProbeHistory {
  const cap = Math.max(1, Math.floor(capacity));
  let len = Math.min(cap, FIRST_ALLOCATION);
  let times = new Float64Array(len);
  let durations = new Float32Array(len);
  let codes = new Uint8Array(len);
  let flags = new Uint8Array(len);
  let head = 0; // next write position
  let size = 0;

  const grow = (): void => {
    // Only reached before the ring first wraps, so the data is contiguous from 0.
    len = Math.min(cap, len * 2);
    const t = new Float64Array(len);
    t.set(times);
    times = t;
    const d = new Float32Array(len);
    d.set(durations);
    durations = d;
    const c = new Uint8Array(len);
    c.set(codes);
    codes = c;
    const f = new Uint8Array(len);
    f.set(flags);
    flags = f;
  };

  return {
    record(atMs, durationMs, ok, code, state) {
      if (size === len && len < cap) grow();
      times[head] = atMs;
      durations[head] = durationMs;
      codes[head] = codeIndex(code);
      flags[head] = (ok ? OK_BIT : 0) | (BACKEND_STATES.indexOf(state) & STATE_MASK);
      head = head + 1 === len ? 0 : head + 1;
      if (size < len) size++;
    },
    query(fromMs = -Infinity, toMs = Infinity) {
      const out: SampleColumns = { atMs: [], durationMs: [], ok: [], code: [], state: [] };
      const start = size < len ? 0 : head;
      for (let k = 0; k < size; k++) {
        const i = (start + k) % len;
        const at = times[i] as number;
        if (at < fromMs || at > toMs) continue;
        const f = flags[i] as number;
        out.atMs.push(at);
        out.durationMs.push(durations[i] as number);
        out.ok.push((f & OK_BIT) !== 0);
        out.code.push(SAMPLE_CODES[codes[i] as number] ?? '?');
        out.state.push(BACKEND_STATES[f & STATE_MASK] ?? 'unknown');
      }
      return out;
    },
    get size() {
      return size;
    },
    get capacity() {
      return cap;
    },
  };
}
