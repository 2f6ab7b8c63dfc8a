import { useId, useState } from 'react';
import type { ConfigEdit } from '../../../../../shared/model';
import { frontendFamily } from '../utils/config-model';
import { familyName, ipFamily } from '../utils/ip-family';
import { nameProblem } from './inline-name-form';
import { numberProblem } from './field-controls';
import { useVisual } from './visual-context';

const SEP = '\u0000';

/**
 * Adds a backend (name, address, check) and, optionally, puts it into a pool with a weight — in one
 * `config:edit`, so it is one undo step. Refuses an address that is not an IP, or of the wrong family
 * for the chosen pool's frontend, before anything is sent.
 */
export function AddBackendForm({ onDone }: { onDone: () => void }) {
  const { edit, model } = useVisual();
  const id = useId();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [check, setCheck] = useState(model.healthchecks[0]?.name ?? '');
  const [pool, setPool] = useState('');
  const [weight, setWeight] = useState('100');
  const [busy, setBusy] = useState(false);
  const [frontend, poolName] = pool ? pool.split(SEP) : [];
  const fe = model.frontends.find((f) => f.name === frontend);
  const family = ipFamily(address);
  const ref = fe ? frontendFamily(model, fe) : null;
  const problems = {
    name: nameProblem(name, model.backendByName.keys(), 'backend'),
    address: address === '' ? null : family === null ? `"${address}" is not an IP address (names are never resolved)` : ref && ref.family !== family ? `${familyName(family)} address, but ${ref.what}: one frontend's backends must all be one family` : null,
    weight: pool ? numberProblem(weight, 0, 100) : null,
  };
  const ready = name && address && check && !problems.name && !problems.address && !problems.weight && !busy;
  const submit = async () => {
    if (!ready) return;
    const edits: ConfigEdit[] = [{ op: 'add-backend', name, address, healthcheck: check }];
    if (frontend && poolName) {
      const w = weight.trim() === '' ? 100 : Number(weight);
      edits.push({ op: 'add-member', frontend, pool: poolName, backend: name, ...(w === 100 ? {} : { weight: w }) });
    }
    setBusy(true);
    const ok = await edit(edits);
    setBusy(false);
    if (ok) onDone();
  };
  const field = (key: 'name' | 'address' | 'weight', label: string, value: string, set: (v: string) => void, type = 'text') => (
    <div className="ve-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        value={value}
        spellCheck={false}
        {...(type === 'number' ? { min: 0, max: 100, step: 1 } : {})}
        aria-invalid={problems[key] ? true : undefined}
        aria-describedby={problems[key] ? `${id}-${key}-msg` : undefined}
        onChange={(e) => set(e.target.value)}
      />
      {problems[key] && (
        <small id={`${id}-${key}-msg`} className="ve-msg ve-msg-error">
          {problems[key]}
        </small>
      )}
    </div>
  );
  return (
    <form
      className="ve-card ve-add-backend"
      aria-label="Add backend"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="ve-grid">
        {field('name', 'Name', name, setName)}
        {field('address', 'Address', address, setAddress)}
        <div className="ve-field">
          <label htmlFor={`${id}-check`}>Health check</label>
          <select id={`${id}-check`} value={check} onChange={(e) => setCheck(e.target.value)}>
            {model.healthchecks.map((h) => (
              <option key={h.name}>{h.name}</option>
            ))}
          </select>
        </div>
        <div className="ve-field">
          <label htmlFor={`${id}-pool`}>Put into pool</label>
          <select id={`${id}-pool`} value={pool} onChange={(e) => setPool(e.target.value)}>
            <option value="">— none —</option>
            {model.frontends.flatMap((f) =>
              f.pools.map((p) => (
                <option key={`${f.name}${SEP}${p.name}`} value={`${f.name}${SEP}${p.name}`}>
                  {f.name} / {p.name}
                </option>
              )),
            )}
          </select>
        </div>
        {pool && field('weight', 'Weight', weight, setWeight, 'number')}
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!ready}>
          Add backend
        </button>
      </div>
    </form>
  );
}
