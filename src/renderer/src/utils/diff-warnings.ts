import type { ConfigDiff } from '../../../shared/model';

/** Restarting this many backends, or this share of them, deserves a warning before Apply. */
export const MANY_RESTARTS = 5;
export const MANY_RESTARTS_SHARE = 0.1;

/**
 * Returns what a reload does that the user should confirm: many backends restarting their checks
 * (their state goes to unknown) and pools left with no enabled backend. Empty when none.
 */
export function diffWarnings(diff: ConfigDiff, tense: 'future' | 'past' = 'future'): string[] {
  const past = tense === 'past';
  const b = diff.backends;
  const restarted = b.restarted.length;
  const kept = restarted + b.unchanged.length;
  const out: string[] = [];
  if (restarted > 0 && (restarted >= MANY_RESTARTS || restarted >= kept * MANY_RESTARTS_SHARE)) {
    out.push(
      past
        ? `${restarted} backend${restarted === 1 ? '' : 's'} restarted ${restarted === 1 ? 'its check' : 'their checks'}.`
        : restarted === 1
          ? '1 backend will restart its check (its state goes to unknown until it passes again).'
          : `${restarted} backends will restart their checks (state goes to unknown until they pass again).`,
    );
  }
  for (const p of diff.emptiedPools) out.push(`Pool ${p.pool} of ${p.frontend} ${past ? 'was' : 'is'} left with no enabled backend.`);
  return out;
}

/** Tells whether a reload changes nothing that runs. */
export function isEmptyDiff(diff: ConfigDiff): boolean {
  const { backends: b, frontends: f, healthchecks: h } = diff;
  return [b.added, b.removed, b.restarted, f.added, f.removed, f.changed, h.added, h.removed, h.changed].every((l) => l.length === 0);
}
