import type { ConfigDiff } from '../../../../../shared/model';

/** One part of a history row's summary; `kind` picks its colour. */
export interface SummaryPart {
  text: string;
  kind: 'add' | 'del' | 'chg' | 'warn';
  /** The names behind a count, for the tooltip. */
  title?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Sums up what applying a config did, in one line: `+2 −1 ↻3` for backends added, removed and restarted,
 * then frontends, weight-only changes, health checks and emptied pools. An empty list means no change.
 */
export function summarizeDiff(diff: ConfigDiff): SummaryPart[] {
  const parts: SummaryPart[] = [];
  const b = diff.backends;
  const f = diff.frontends;
  const add = (names: string[], text: string, kind: SummaryPart['kind']) => {
    if (names.length > 0) parts.push({ text, kind, title: names.join(', ') });
  };
  add(b.added, `+${b.added.length}`, 'add');
  add(b.removed, `−${b.removed.length}`, 'del');
  add(b.restarted, `↻${b.restarted.length}`, 'chg');
  add(f.added, `+${plural(f.added.length, 'frontend')}`, 'add');
  add(f.removed, `−${plural(f.removed.length, 'frontend')}`, 'del');
  const weights = f.changed.filter((c) => c.weightOnly).map((c) => c.name);
  const other = f.changed.filter((c) => !c.weightOnly).map((c) => c.name);
  add(other, `${plural(other.length, 'frontend')} changed`, 'chg');
  add(weights, `weights only: ${weights.join(', ')}`, 'chg');
  const hc = [...diff.healthchecks.added, ...diff.healthchecks.removed, ...diff.healthchecks.changed];
  add(hc, plural(hc.length, 'health check'), 'chg');
  const emptied = diff.emptiedPools.map((p) => `${p.frontend}/${p.pool}`);
  add(emptied, `${plural(emptied.length, 'pool')} emptied`, 'warn');
  return parts;
}
