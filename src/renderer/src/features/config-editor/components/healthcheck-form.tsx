import { useState } from 'react';
import type { ConfigEdit, YamlValue } from '../../../../../shared/model';
import type { HealthCheckModel } from '../utils/config-model';
import { formatGoDuration, parseGoDuration, splitDuration } from '../utils/duration';
import { boolEdit, setOrDelete } from '../utils/edits';
import { CHECK_DURATIONS, CHECK_TYPES, showsPort, visibleParams } from '../utils/field-paths';
import { pathKey } from '../utils/yaml-path';
import { DurationField } from './duration-field';
import { EntityIssues } from './entity-issues';
import { CheckField, NumberField, SelectField, TextField } from './field-controls';
import { InlineNameForm, nameProblem } from './inline-name-form';
import { useVisual } from './visual-context';

const LABELS: Record<string, string> = {
  interval: 'Interval',
  'fast-interval': 'Fast interval',
  'down-interval': 'Down interval',
  timeout: 'Timeout',
  path: 'Path',
  host: 'Host header',
  'response-code': 'Response code',
  'response-regexp': 'Response regexp',
  'server-name': 'Server name (SNI)',
  'insecure-skip-verify': 'Skip certificate check',
  ssl: 'TLS handshake (ssl)',
};
const DEFAULT_PORT: Record<string, number> = { http: 80, https: 443, tcp: 80 };
const BOOL_PARAMS = new Set(['insecure-skip-verify', 'ssl']);

const ms = (d: number) => {
  const s = splitDuration(d);
  return formatGoDuration(s.value, s.unit);
};

/** The defaults of spec/config.md, derived from the check's own interval. */
function durationDefaults(hc: HealthCheckModel): Record<string, string> {
  const iv = typeof hc.fields.interval === 'string' ? (parseGoDuration(hc.fields.interval) ?? 2000) : 2000;
  return { interval: '2s', 'fast-interval': ms(Math.max(10, iv / 2)), 'down-interval': ms(iv * 5), timeout: '1s' };
}

/** The edits of a type change: the new type, and the port and params the new type does not take. */
function typeEdits(hc: HealthCheckModel, type: string): ConfigEdit[] {
  const at = ['maglev', 'healthchecks', hc.name];
  const out: ConfigEdit[] = [{ op: 'set', path: [...at, 'type'], value: type }];
  if (type === 'icmp' && 'port' in hc.fields) out.push({ op: 'delete', path: [...at, 'port'] });
  if (type !== 'icmp' && !('port' in hc.fields)) out.push({ op: 'set', path: [...at, 'port'], value: DEFAULT_PORT[type] ?? 80 });
  const keep = visibleParams({ ...hc, fields: { ...hc.fields, type }, params: {} });
  for (const p of Object.keys(hc.params)) if (!keep.includes(p)) out.push({ op: 'delete', path: [...at, 'params', p] });
  return out;
}

/** One health check: type, port, cadence with units, rise/fall and the type's parameters. */
export function HealthCheckForm({ hc }: { hc: HealthCheckModel }) {
  const { edit, readOnly, model } = useVisual();
  const [renaming, setRenaming] = useState(false);
  const at = ['maglev', 'healthchecks', hc.name];
  const send = (e: ConfigEdit | null, path: (string | number)[]) => e && void edit([e], { key: pathKey(path) });
  const setField = (key: string, v: YamlValue | null) => send(setOrDelete([...at, key], v, key in hc.fields), [...at, key]);
  const setParam = (key: string, v: YamlValue | null) => send(setOrDelete([...at, 'params', key], v, key in hc.params), [...at, 'params', key]);
  const users = model.backends.filter((b) => b.healthcheck === hc.name).length;
  const defaults = durationDefaults(hc);
  const type = String(hc.fields.type ?? '');
  const params = visibleParams(hc);
  return (
    <section className="ve-card" aria-label={`Health check ${hc.name}`}>
      <header className="ve-card-head">
        <h4>{hc.name}</h4>
        <span className="muted">
          {users} backend{users === 1 ? '' : 's'}
        </span>
        <span className="spacer" />
        {!readOnly && (
          <>
            <button type="button" onClick={() => setRenaming(true)} aria-label={`Rename health check ${hc.name}`}>
              Rename
            </button>
            <button
              type="button"
              onClick={() => void edit([{ op: 'remove-healthcheck', name: hc.name }])}
              aria-label={`Remove health check ${hc.name}`}
              title={users ? `Used by ${users} backend${users === 1 ? '' : 's'}: the config stays invalid until they use another check` : undefined}
            >
              Remove
            </button>
          </>
        )}
      </header>
      {renaming && (
        <InlineNameForm
          label={`New name for ${hc.name}`}
          submit="Rename"
          initial={hc.name}
          problem={(n) => (n === hc.name ? null : nameProblem(n, model.healthchecks.map((h) => h.name), 'health check'))}
          onSubmit={(to) => (to === hc.name ? Promise.resolve(true) : edit([{ op: 'rename-healthcheck', from: hc.name, to }]))}
          onDone={() => setRenaming(false)}
        />
      )}
      <EntityIssues path={at} />
      <div className="ve-grid">
        <SelectField label="Type" path={[...at, 'type']} value={hc.fields.type} options={CHECK_TYPES.map((t) => ({ value: t }))} onChange={(t) => void edit(typeEdits(hc, t))} />
        {showsPort(hc) && <NumberField label="Port" path={[...at, 'port']} value={hc.fields.port} min={1} max={65535} onCommit={(v) => setField('port', v)} />}
        {CHECK_DURATIONS.map((k) => (
          <DurationField key={k} label={LABELS[k] ?? k} path={[...at, k]} value={hc.fields[k]} fallback={defaults[k] ?? ''} onCommit={(v) => setField(k, v)} />
        ))}
        <NumberField label="Rise" path={[...at, 'rise']} value={hc.fields.rise} min={1} max={1000} placeholder="2" title="Passing probes in a row to go up (default 2)" onCommit={(v) => setField('rise', v)} />
        <NumberField label="Fall" path={[...at, 'fall']} value={hc.fields.fall} min={1} max={1000} placeholder="3" title="Failing probes in a row to go down (default 3)" onCommit={(v) => setField('fall', v)} />
      </div>
      {params.length > 0 && (
        <fieldset className="ve-params">
          <legend>{type === 'tcp' ? 'TCP' : type.toUpperCase()} parameters</legend>
          <div className="ve-grid">
            {params.map((p) =>
              BOOL_PARAMS.has(p) ? (
                <CheckField key={p} label={LABELS[p] ?? p} path={[...at, 'params', p]} checked={hc.params[p] === true} onChange={(v) => send(boolEdit([...at, 'params', p], v, false, p in hc.params), [...at, 'params', p])} />
              ) : (
                <TextField
                  key={p}
                  label={LABELS[p] ?? p}
                  path={[...at, 'params', p]}
                  value={hc.params[p]}
                  placeholder={p === 'path' ? '/' : p === 'response-code' ? '200-299' : undefined}
                  check={p === 'response-code' ? (v) => (v === '' || /^\d{3}(-\d{3})?$/.test(v) ? null : 'a code (200) or a range (200-399)') : undefined}
                  onCommit={(v) => setParam(p, v === '' ? null : p === 'response-code' && /^\d+$/.test(v) ? Number(v) : v)}
                />
              ),
            )}
          </div>
        </fieldset>
      )}
    </section>
  );
}
