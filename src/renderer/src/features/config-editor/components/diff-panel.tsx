import type { ConfigDiff } from '../../../../../shared/model';

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

/** What a reload will do: backends added, removed, restarted; frontend changes; warnings. */
export function DiffPanel({ diff, title }: { diff: ConfigDiff; title: string }) {
  const b = diff.backends;
  const f = diff.frontends;
  const nothing = !b.added.length && !b.removed.length && !b.restarted.length && !f.added.length && !f.removed.length && !f.changed.length && !diff.healthchecks.changed.length;
  const manyRestarts = b.restarted.length >= 5 || b.restarted.length > (b.unchanged.length + b.restarted.length) / 4;
  return (
    <section className="diff-panel" aria-label={title}>
      <h3>{title}</h3>
      {nothing && <p className="muted">No change to the running config.</p>}
      {manyRestarts && b.restarted.length > 0 && (
        <p className="warning" role="alert">
          {b.restarted.length} backends will restart their checks (state goes to unknown until they pass again).
        </p>
      )}
      {diff.emptiedPools.map((p) => (
        <p key={`${p.frontend}/${p.pool}`} className="warning" role="alert">
          Pool {p.pool} of {p.frontend} is left with no enabled backend.
        </p>
      ))}
      <List title="Backends added" names={b.added} cls="diff-add" />
      <List title="Backends removed" names={b.removed} cls="diff-del" />
      <List title="Backends restarted" names={b.restarted} cls="diff-chg" />
      <List title="Frontends added" names={f.added} cls="diff-add" />
      <List title="Frontends removed" names={f.removed} cls="diff-del" />
      <List title="Health checks changed" names={diff.healthchecks.changed} cls="diff-chg" />
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
