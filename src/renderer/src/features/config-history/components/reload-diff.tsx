import type { ConfigDiff } from '../../../../../shared/model';

function Names({ label, names, cls }: { label: string; names: string[]; cls: string }) {
  if (names.length === 0) return null;
  return (
    <div>
      <dt className={cls}>
        {label} ({names.length})
      </dt>
      <dd>{names.join(', ')}</dd>
    </div>
  );
}

/** What applying a history entry did to the running config, as the host recorded it then. */
export function ReloadDiff({ diff }: { diff: ConfigDiff }) {
  const b = diff.backends;
  const f = diff.frontends;
  const hc = diff.healthchecks;
  const nothing =
    !b.added.length && !b.removed.length && !b.restarted.length && !f.added.length && !f.removed.length && !f.changed.length && !hc.added.length && !hc.removed.length && !hc.changed.length;
  return (
    <section className="reload-diff" aria-label="What applying it did">
      <h4>What applying it did</h4>
      {nothing && <p className="muted">No change to the running config (saved and reloaded as it was).</p>}
      {diff.emptiedPools.map((p) => (
        <p key={`${p.frontend}/${p.pool}`} className="warning">
          Pool {p.pool} of {p.frontend} was left with no enabled backend.
        </p>
      ))}
      <dl>
        <Names label="Backends added" names={b.added} cls="diff-add" />
        <Names label="Backends removed" names={b.removed} cls="diff-del" />
        <Names label="Backends restarted" names={b.restarted} cls="diff-chg" />
        <Names label="Frontends added" names={f.added} cls="diff-add" />
        <Names label="Frontends removed" names={f.removed} cls="diff-del" />
        <Names label="Health checks added" names={hc.added} cls="diff-add" />
        <Names label="Health checks removed" names={hc.removed} cls="diff-del" />
        <Names label="Health checks changed" names={hc.changed} cls="diff-chg" />
        {f.changed.map((c) => (
          <div key={c.name}>
            <dt className="diff-chg">
              Frontend {c.name}
              {c.weightOnly ? ' (weights only)' : ''}
            </dt>
            <dd>
              <ul>
                {c.changes.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
