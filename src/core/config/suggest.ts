/**
 * "Did you mean" suggestions by optimal-string-alignment distance (edit distance that counts a
 * transposition as one edit, so `wbe` → `web`). Work is budgeted per load: a file with thousands
 * of misspelled references to 100,000 backends must not turn into 10^9 comparisons.
 */

/** Returns the OSA distance of a and b, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Finds near misses for unknown names, within a per-load work budget. */
export interface Suggester {
  /** Returns the closest candidate within a few edits (case-insensitive), or null. */
  closest(input: string, candidates: readonly string[]): string | null;
  /** Returns ` (did you mean "x"?)` for the closest candidate, or '' when none is close. */
  hint(input: string, candidates: readonly string[]): string;
}

/** Creates a suggester that stops suggesting after `budget` candidate comparisons. */
export function createSuggester(budget = 2_000_000): Suggester {
  let left = budget;
  const closest = (input: string, candidates: readonly string[]): string | null => {
      if (left <= 0 || input === '') return null;
      const lower = input.toLowerCase();
      const max = Math.max(1, Math.min(3, Math.floor(input.length / 3)));
      let best: string | null = null;
      let bestD = max + 1;
      for (const c of candidates) {
        if (--left <= 0) break;
        if (Math.abs(c.length - input.length) > max) continue;
        const bound = Math.min(max, bestD - 1);
        const d = editDistance(lower, c.toLowerCase(), bound);
        if (d <= bound && c !== input) {
          best = c;
          bestD = d;
          if (d === 0) break;
        }
      }
      return best;
  };
  return {
    closest,
    hint(input, candidates) {
      const best = closest(input, candidates);
      return best === null ? '' : ` (did you mean "${best}"?)`;
    },
  };
}

/** Returns the candidate closest to `input` within a few edits, or null (one-off, e.g. a CLI flag). */
export function suggestName(input: string, candidates: readonly string[]): string | null {
  return createSuggester().closest(input, candidates);
}
