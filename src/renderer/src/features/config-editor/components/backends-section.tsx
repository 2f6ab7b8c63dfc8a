import { memo, useState } from 'react';
import { useCapped } from '../hooks/use-capped';
import type { BackendModel } from '../utils/config-model';
import { startDrag } from '../utils/drag';
import { boolEdit } from '../utils/edits';
import { pathKey } from '../utils/yaml-path';
import { AddBackendForm } from './add-backend-form';
import { EntityIssues } from './entity-issues';
import { CheckField, SelectField, TextField } from './field-controls';
import { InlineNameForm, nameProblem } from './inline-name-form';
import { ShowAll } from './show-all';
import { useVisual } from './visual-context';

const BackendRow = memo(function BackendRow({ b, pools }: { b: BackendModel; pools: number }) {
  const { edit, readOnly, model, drag } = useVisual();
  const [renaming, setRenaming] = useState(false);
  const at = ['maglev', 'backends', b.name];
  const checks = model.healthchecks.map((h) => ({ value: h.name }));
  return (
    <tr
      draggable={!readOnly}
      onDragStart={(e) => startDrag(e.dataTransfer, drag, { kind: 'backend', backend: b.name }, b.name)}
      onDragEnd={() => (drag.current = null)}
    >
      <th scope="row">
        {!readOnly && (
          <span className="ve-grip" aria-hidden="true" title="Drag into a pool">
            ⠿
          </span>
        )}
        {b.name} <span className="muted">{pools ? `· ${pools} pool${pools === 1 ? '' : 's'}` : '· in no pool'}</span>
        {renaming && (
          <InlineNameForm
            label={`New name for ${b.name}`}
            submit="Rename"
            initial={b.name}
            problem={(n) => (n === b.name ? null : nameProblem(n, model.backendByName.keys(), 'backend'))}
            onSubmit={(to) => (to === b.name ? Promise.resolve(true) : edit([{ op: 'rename-backend', from: b.name, to }]))}
            onDone={() => setRenaming(false)}
          />
        )}
        <EntityIssues path={at} />
      </th>
      <td>
        <TextField label={`Address of ${b.name}`} labelHidden path={[...at, 'address']} value={b.address} onCommit={(v) => void edit([{ op: 'set', path: [...at, 'address'], value: v }], { key: pathKey([...at, 'address']) })} />
      </td>
      <td>
        <SelectField label={`Health check of ${b.name}`} labelHidden path={[...at, 'healthcheck']} value={b.healthcheck} options={checks} onChange={(v) => void edit([{ op: 'set', path: [...at, 'healthcheck'], value: v }])} />
      </td>
      <td>
        <CheckField
          label={`${b.name} enabled`}
          labelHidden
          path={[...at, 'enabled']}
          checked={b.enabled}
          onChange={(v) => {
            const e = boolEdit([...at, 'enabled'], v, true, b.enabledSet);
            if (e) void edit([e]);
          }}
        />
      </td>
      <td className="ve-actions">
        {!readOnly && (
          <>
            <button type="button" onClick={() => setRenaming(true)} aria-label={`Rename backend ${b.name}`}>
              Rename
            </button>
            <button type="button" onClick={() => void edit([{ op: 'remove-backend', name: b.name }])} aria-label={`Remove backend ${b.name}`} title="Also takes it out of every pool">
              Remove
            </button>
          </>
        )}
      </td>
    </tr>
  );
});

/** The backends as a table (address, check, enabled), draggable into pools, and the add form. */
export const BackendsSection = memo(function BackendsSection({ backends }: { backends: BackendModel[] }) {
  const { readOnly, model } = useVisual();
  const [adding, setAdding] = useState(false);
  const { shown, hidden, showAll } = useCapped(backends);
  const memberships = new Map<string, number>();
  for (const f of model.frontends) for (const p of f.pools) for (const m of p.members) memberships.set(m.backend, (memberships.get(m.backend) ?? 0) + 1);
  return (
    <section className="ve-section" aria-label="Backends">
      <header className="ve-section-head">
        <h3>Backends</h3>
        <span className="muted">{model.backends.length}</span>
        <span className="spacer" />
        {!readOnly && !adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Add backend
          </button>
        )}
      </header>
      {adding && <AddBackendForm onDone={() => setAdding(false)} />}
      <table className="ve-table" aria-label="Backends of the file">
        <thead>
          <tr>
            <th>Name</th>
            <th>Address</th>
            <th>Health check</th>
            <th>Enabled</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map((b) => (
            <BackendRow key={b.name} b={b} pools={memberships.get(b.name) ?? 0} />
          ))}
        </tbody>
      </table>
      <ShowAll hidden={hidden} what="backends" onClick={showAll} />
    </section>
  );
});
