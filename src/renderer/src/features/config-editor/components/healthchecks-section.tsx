import { memo, useState } from 'react';
import type { HealthCheckModel } from '../utils/config-model';
import { CHECK_TYPES } from '../utils/field-paths';
import { HealthCheckForm } from './healthcheck-form';
import { InlineNameForm, nameProblem } from './inline-name-form';
import { useVisual } from './visual-context';

const NEW_CHECK: Record<string, Record<string, string | number>> = {
  http: { type: 'http', port: 80 },
  https: { type: 'https', port: 443 },
  tcp: { type: 'tcp', port: 80 },
  icmp: { type: 'icmp' },
};

/** The health checks, one form each, and a form to add one. */
export const HealthChecksSection = memo(function HealthChecksSection({ checks }: { checks: HealthCheckModel[] }) {
  const { edit, readOnly, model } = useVisual();
  const [adding, setAdding] = useState(false);
  const [type, setType] = useState<string>('http');
  return (
    <section className="ve-section" aria-label="Health checks">
      <header className="ve-section-head">
        <h3>Health checks</h3>
        <span className="muted">{model.healthchecks.length}</span>
        <span className="spacer" />
        {!readOnly && !adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Add health check
          </button>
        )}
      </header>
      {adding && (
        <div className="ve-add-row">
          <label>
            Type of the new check{' '}
            <select value={type} onChange={(e) => setType(e.target.value)}>
              {CHECK_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <InlineNameForm
            label="Name of the new check"
            submit="Add"
            problem={(n) => nameProblem(n, model.healthchecks.map((h) => h.name), 'health check')}
            onSubmit={(name) => edit([{ op: 'add-healthcheck', name, fields: NEW_CHECK[type] ?? { type } }])}
            onDone={() => setAdding(false)}
          />
        </div>
      )}
      {checks.map((hc) => (
        <HealthCheckForm key={hc.name} hc={hc} />
      ))}
    </section>
  );
});
