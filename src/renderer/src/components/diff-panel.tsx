import type { ConfigDiff } from '../../../shared/model';
import { diffWarnings, isEmptyDiff } from '../utils/diff-warnings';

function List({ title, names, cls }: { title: string; names: string[]; cls: string }) {
  if (names.length === 0) return null;
  return (
    <div className={cls}>
      <h4>
        {title} ({names.length})
      </h4>
      <p>{names.join(', ')}</p>
    </div>
  );
}

/**
 * What a reload will do (or, `tense="past"`, did): backends added, removed, restarted (by name);
 * frontend and weight changes; warnings. The config editor's diff and the config history's both.
 */
export function DiffPanel({
  diff,
  title,
  tense = 'future',
  level = 3,
}: {
  diff: ConfigDiff;
  title: string;
  tense?: 'future' | 'past';
  /** The title's heading level (4 inside a section that has its own h3). */
  level?: 3 | 4;
}) {
  const Title = level === 3 ? 'h3' : 'h4';
  const b = diff.backends;
  const f = diff.frontends;
  const h = diff.healthchecks;
  return (
    <section className="diff-panel" aria-label={title}>
      <Title>{title}</Title>
      {isEmptyDiff(diff) && (
        <p className="muted">{tense === 'past' ? 'No change to the running config (saved and reloaded as it was).' : 'No change to the running config.'}</p>
      )}
      {diffWarnings(diff, tense).map((w) => (
        <p key={w} className="warning" role="alert">
          {w}
        </p>
      ))}
      <List title="Backends added" names={b.added} cls="diff-add" />
      <List title="Backends removed" names={b.removed} cls="diff-del" />
      <List title="Backends restarted" names={b.restarted} cls="diff-chg" />
      <List title="Frontends added" names={f.added} cls="diff-add" />
      <List title="Frontends removed" names={f.removed} cls="diff-del" />
      <List title="Health checks added" names={h.added} cls="diff-add" />
      <List title="Health checks removed" names={h.removed} cls="diff-del" />
      <List title="Health checks changed" names={h.changed} cls="diff-chg" />
      {f.changed.map((c) => (
        <div key={c.name} className="diff-chg">
          <h4>
            Frontend {c.name} {c.weightOnly ? '(weights only)' : ''}
          </h4>
          <ul>
            {c.changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
