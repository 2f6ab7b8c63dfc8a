import { useId, useState } from 'react';
import { familyProblem, type FrontendModel } from '../utils/config-model';
import { useVisual } from './visual-context';

/** Up to this many backends the picker is a select; beyond, a text field with one shared list of names. */
export const SELECT_LIMIT = 200;
/** The id of the datalist of every backend name that VisualView renders once for large files. */
export const BACKEND_NAMES_LIST = 've-backend-names';

/**
 * Puts a backend into a pool (the keyboard way besides dragging from the table). Backends of the other
 * address family are offered but disabled, with the reason; a typed name is checked the same way.
 */
export function AddMember({ fe, index }: { fe: FrontendModel; index: number }) {
  const { edit, model } = useVisual();
  const id = useId();
  const [name, setName] = useState('');
  const pool = fe.pools[index]!;
  const inPool = (b: string) => pool.members.some((m) => m.backend === b);
  const large = model.backends.length > SELECT_LIMIT;
  const problem = !name
    ? null
    : !model.backendByName.has(name)
      ? `no backend named ${name}`
      : inPool(name)
        ? `${name} is already in pool ${pool.name}`
        : familyProblem(model, fe, name);
  const add = () => {
    if (!name || problem) return;
    void edit([{ op: 'add-member', frontend: fe.name, pool: pool.name, backend: name }]);
    setName('');
  };
  const label = `Backend to add to pool ${pool.name}`;
  return (
    <div className="ve-add-member">
      {large ? (
        <input
          type="text"
          list={BACKEND_NAMES_LIST}
          aria-label={label}
          placeholder="Add backend by name…"
          value={name}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-msg` : undefined}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
      ) : (
        <select aria-label={label} value={name} onChange={(e) => setName(e.target.value)}>
          <option value="">Add backend…</option>
          {model.backends
            .filter((b) => !inPool(b.name))
            .map((b) => {
              const why = familyProblem(model, fe, b.name);
              return (
                <option key={b.name} value={b.name} disabled={why !== null} title={why ?? undefined}>
                  {b.name}
                  {why ? ` (${b.family === 6 ? 'IPv6' : 'IPv4'}: wrong family)` : ''}
                </option>
              );
            })}
        </select>
      )}
      <button type="button" disabled={!name || Boolean(problem)} onClick={add} aria-label={`Add to pool ${pool.name}`}>
        Add
      </button>
      {large && problem && (
        <small id={`${id}-msg`} className="ve-msg ve-msg-error">
          {problem}
        </small>
      )}
    </div>
  );
}
