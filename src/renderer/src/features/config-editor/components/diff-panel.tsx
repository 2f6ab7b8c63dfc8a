import type { ConfigDiff } from '../../../../../shared/model';
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

/** What a reload will do: backends added, removed, restarted (by name); frontend and weight changes; warnings. */
export function DiffPanel({ diff, title }: { diff: ConfigDiff; title: string }) {
  const b = diff.backends;
  const f = diff.frontends;
  const h = diff.healthchecks;
  return (
    <section className="diff-panel" aria-label={title}>
      <h3>{title}</h3>
      {isEmptyDiff(diff) && <p className="muted">No change to the running config.</p>}
      {diffWarnings(diff).map((w) => (
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
