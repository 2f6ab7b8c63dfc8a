/**
 * Go duration syntax (`time.ParseDuration`): `300ms`, `1.5h`, `2h45m`, `-1m`.
 * The config rejects bare numbers (Go accepts a lone "0"); a unit is always required so that
 * `interval: 2` can never silently mean 2 ns or 2 s.
 */

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3, // U+00B5 micro sign
  'μs': 1e-3, // U+03BC Greek mu
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const TERM = /(\d*)(?:\.(\d*))?([a-zµμ]+)/y;

/** Parses a Go duration into milliseconds; returns an error message instead when malformed. */
export function parseGoDuration(text: string): { ok: true; ms: number } | { ok: false; message: string } {
  const bad = (why: string) => ({ ok: false as const, message: `bad duration "${text}": ${why}` });
  let i = 0;
  let sign = 1;
  if (text[0] === '-' || text[0] === '+') {
    sign = text[0] === '-' ? -1 : 1;
    i = 1;
  }
  if (i >= text.length) return bad('expected a number and a unit, e.g. "2s"');
  let total = 0;
  while (i < text.length) {
    TERM.lastIndex = i;
    const m = TERM.exec(text);
    if (!m) return bad('expected a number and a unit, e.g. "2s" or "1m30s"');
    const [whole = '', frac, unit = ''] = [m[1], m[2], m[3]];
    if (whole === '' && (frac === undefined || frac === '')) return bad('missing number');
    const factor = UNIT_MS[unit];
    if (factor === undefined) return bad(`unknown unit "${unit}" (use ns, us, ms, s, m or h)`);
    total += Number(`${whole || '0'}.${frac ?? '0'}`) * factor;
    i = TERM.lastIndex;
  }
  if (!Number.isFinite(total) || total > 9.2e12) return bad('out of range');
  return { ok: true, ms: sign * total };
}

/** Formats milliseconds as a short Go-style duration for messages (`1m30s`, `250ms`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 0) return '-' + formatDuration(-ms);
  if (ms < 1000) return `${+ms.toFixed(3)}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${+s.toFixed(3)}s`.replace(/^(\d+h)0m0s$/, '$1');
}
