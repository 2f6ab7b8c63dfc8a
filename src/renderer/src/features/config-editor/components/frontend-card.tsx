import { memo, useState } from 'react';
import type { ConfigEdit, YamlValue } from '../../../../../shared/model';
import type { FrontendModel } from '../utils/config-model';
import { boolEdit, setOrDelete } from '../utils/edits';
import { PROTOCOLS } from '../utils/field-paths';
import { pathKey } from '../utils/yaml-path';
import { EntityIssues } from './entity-issues';
import { CheckField, NumberField, SelectField, TextField } from './field-controls';
import { InlineNameForm, nameProblem } from './inline-name-form';
import { PoolCard } from './pool-card';
import { useVisual } from './visual-context';

type Mode = null | 'rename' | 'duplicate' | 'add-pool';

/** One frontend (VIP): its fields, its pools in failover order, rename/duplicate/remove. */
export const FrontendCard = memo(function FrontendCard({ fe }: { fe: FrontendModel }) {
  const { edit, readOnly, model } = useVisual();
  const [mode, setMode] = useState<Mode>(null);
  const at = ['maglev', 'frontends', fe.name];
  const send = (e: ConfigEdit | null, key: string) => e && void edit([e], { key: pathKey([...at, key]) });
  const setField = (key: string, v: YamlValue | null) => send(setOrDelete([...at, key], v, key in fe.fields), key);
  const setBool = (key: string, v: boolean, fallback: boolean) => send(boolEdit([...at, key], v, fallback, key in fe.fields), key);
  const names = model.frontends.map((f) => f.name);
  const button = (m: Mode, text: string, label: string) => (
    <button type="button" onClick={() => setMode(m)} aria-label={label} aria-expanded={mode === m}>
      {text}
    </button>
  );
  return (
    <section className="ve-card ve-frontend" aria-label={`Frontend ${fe.name}`}>
      <header className="ve-card-head">
        <h4>{fe.name}</h4>
        <code className="muted">
          {fe.family === 6 ? `[${String(fe.fields.address)}]` : String(fe.fields.address ?? '?')}:{String(fe.fields.port ?? '')} {String(fe.fields.protocol ?? 'tcp')}
        </code>
        <span className="spacer" />
        {!readOnly && (
          <>
            {button('rename', 'Rename', `Rename frontend ${fe.name}`)}
            {button('duplicate', 'Duplicate', `Duplicate frontend ${fe.name}`)}
            <button type="button" onClick={() => void edit([{ op: 'remove-frontend', frontend: fe.name }])} aria-label={`Remove frontend ${fe.name}`}>
              Remove
            </button>
          </>
        )}
      </header>
      {mode === 'rename' && (
        <InlineNameForm
          label={`New name for ${fe.name}`}
          submit="Rename"
          initial={fe.name}
          problem={(n) => (n === fe.name ? null : nameProblem(n, names, 'frontend'))}
          onSubmit={(to) => (to === fe.name ? Promise.resolve(true) : edit([{ op: 'rename-frontend', from: fe.name, to }]))}
          onDone={() => setMode(null)}
        />
      )}
      {mode === 'duplicate' && (
        <InlineNameForm
          label={`Name of the copy of ${fe.name}`}
          submit="Duplicate"
          initial={`${fe.name}-copy`}
          problem={(n) => nameProblem(n, names, 'frontend')}
          onSubmit={(as) => edit([{ op: 'duplicate-frontend', frontend: fe.name, as }])}
          onDone={() => setMode(null)}
        />
      )}
      <EntityIssues path={at} />
      <div className="ve-grid">
        <TextField label="Address" path={[...at, 'address']} value={fe.fields.address} onCommit={(v) => setField('address', v)} />
        <SelectField label="Protocol" path={[...at, 'protocol']} value={fe.fields.protocol ?? 'tcp'} options={PROTOCOLS.map((p) => ({ value: p }))} onChange={(v) => setField('protocol', v)} />
        <NumberField label="Port" path={[...at, 'port']} value={fe.fields.port} min={0} max={65535} onCommit={(v) => setField('port', v)} />
        <TextField label="Description" path={[...at, 'description']} value={fe.fields.description} onCommit={(v) => setField('description', v === '' ? null : v)} />
        <CheckField label="Source-IP sticky" path={[...at, 'src-ip-sticky']} checked={fe.fields['src-ip-sticky'] === true} onChange={(v) => setBool('src-ip-sticky', v, false)} />
        <CheckField label="Flush on down" path={[...at, 'flush-on-down']} checked={fe.fields['flush-on-down'] !== false} onChange={(v) => setBool('flush-on-down', v, true)} />
      </div>
      <div className="ve-pools-head">
        <h5>Pools</h5>
        <span className="muted">in failover order</span>
        <span className="spacer" />
        {!readOnly && mode !== 'add-pool' && button('add-pool', 'Add pool', `Add a pool to ${fe.name}`)}
      </div>
      <EntityIssues path={[...at, 'pools']} />
      {mode === 'add-pool' && (
        <InlineNameForm
          label={`Name of the new pool of ${fe.name}`}
          submit="Add pool"
          problem={(n) => nameProblem(n, fe.pools.map((p) => p.name), 'pool')}
          onSubmit={(pool) => edit([{ op: 'add-pool', frontend: fe.name, pool }])}
          onDone={() => setMode(null)}
        />
      )}
      <div className="ve-pools">
        {fe.pools.map((p, i) => (
          <PoolCard key={`${i}:${p.name}`} fe={fe} index={i} />
        ))}
      </div>
    </section>
  );
});
