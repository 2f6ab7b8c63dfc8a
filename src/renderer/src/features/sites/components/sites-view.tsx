import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SiteSpecSchema, type SiteSpec } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { siteKeys } from '../../../lib/query-keys';

type Draft = { name: string; kind: 'local' | 'remote'; config: string; address: string; tls: boolean; ca: string; cert: string; key: string; serverName: string };
const EMPTY: Draft = { name: '', kind: 'local', config: '', address: '', tls: false, ca: '', cert: '', key: '', serverName: '' };

function toSpec(d: Draft): unknown {
  if (d.kind === 'local') return { name: d.name, kind: 'local', config: d.config };
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    name: d.name,
    kind: 'remote',
    address: d.address,
    tls: d.tls ? { ca: opt(d.ca), cert: opt(d.cert), key: opt(d.key), serverName: opt(d.serverName) } : null,
  };
}

function fromSpec(s: SiteSpec): Draft {
  if (s.kind === 'local') return { ...EMPTY, name: s.name, kind: 'local', config: s.config };
  return { ...EMPTY, name: s.name, kind: 'remote', address: s.address, tls: !!s.tls, ca: s.tls?.ca ?? '', cert: s.tls?.cert ?? '', key: s.tls?.key ?? '', serverName: s.tls?.serverName ?? '' };
}

function Field({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="text" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error} aria-label={label} />
      {error && <small role="alert">{error}</small>}
    </label>
  );
}

/** Add, edit and remove sites; validated with the contract's schema before the host validates again. */
export function SitesView({ readOnly }: { readOnly: boolean }) {
  const bridge = useBridge();
  const qc = useQueryClient();
  const info = useQuery({ queryKey: siteKeys.info(), queryFn: () => bridge.invoke('app:info', {}) });
  const specs = useQuery({ queryKey: [...siteKeys.all, 'specs'], queryFn: () => bridge.invoke('sites:specs', {}), staleTime: 0 });
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const parsed = SiteSpecSchema.safeParse(toSpec(draft));
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0] ?? 'name')] ??= i.message;
  const done = () => {
    setEditing(null);
    setDraft(EMPTY);
    void qc.invalidateQueries({ queryKey: siteKeys.all });
  };
  const save = useMutation({
    mutationFn: (spec: SiteSpec) => (editing && editing !== 'new' ? bridge.invoke('sites:edit', { site: editing, spec }) : bridge.invoke('sites:add', { spec })),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: (site: string) => bridge.invoke('sites:remove', { site }), onSuccess: done });
  const set = (k: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  return (
    <section aria-label="Sites">
      <h2>Sites</h2>
      <p className="muted">Sites file: {info.data?.sitesPath ?? '…'}</p>
      {specs.data?.length === 0 && <p className="muted">No sites file yet: the demo site runs. Adding a site creates the file and stops the demo.</p>}
      {specs.error && <p role="alert">{specs.error.message}</p>}
      <table aria-label="Configured sites">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Where</th>
            {!readOnly && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {(specs.data ?? []).map(({ id, spec }) => (
            <tr key={id}>
              <td>{spec.name}</td>
              <td>{spec.kind}</td>
              <td>{spec.kind === 'local' ? spec.config : `${spec.address}${spec.tls ? ' (TLS)' : ''}`}</td>
              {!readOnly && (
                <td className="actions">
                  <button type="button" onClick={() => (setEditing(id), setDraft(fromSpec(spec)))} aria-label={`Edit ${spec.name}`}>
                    Edit
                  </button>
                  <button type="button" onClick={() => window.confirm(`Remove site ${spec.name}? Its monitoring stops; files are not deleted.`) && remove.mutate(id)} aria-label={`Remove ${spec.name}`}>
                    Remove
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && editing === null && (
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          Add site
        </button>
      )}
      {editing !== null && (
        <form
          className="site-form"
          aria-label={editing === 'new' ? 'Add site' : 'Edit site'}
          onSubmit={(e) => {
            e.preventDefault();
            if (parsed.success) save.mutate(parsed.data);
          }}
        >
          <Field label="Name" value={draft.name} onChange={set('name')} error={errors.name} />
          <label className="field">
            <span>Kind</span>
            <select aria-label="Kind" value={draft.kind} onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as Draft['kind'] }))}>
              <option value="local">local (checker in this app)</option>
              <option value="remote">remote (maglevd over gRPC)</option>
            </select>
          </label>
          {draft.kind === 'local' ? (
            <Field label="Config file" value={draft.config} onChange={set('config')} error={errors.config} />
          ) : (
            <>
              <Field label="Address (host:port)" value={draft.address} onChange={set('address')} error={errors.address} />
              <label className="field">
                <span>TLS</span>
                <input type="checkbox" checked={draft.tls} onChange={(e) => setDraft((d) => ({ ...d, tls: e.target.checked }))} aria-label="TLS" />
              </label>
              {draft.tls && (
                <>
                  <Field label="CA file" value={draft.ca} onChange={set('ca')} />
                  <Field label="Client certificate file" value={draft.cert} onChange={set('cert')} />
                  <Field label="Client key file" value={draft.key} onChange={set('key')} />
                  <Field label="Server name" value={draft.serverName} onChange={set('serverName')} />
                </>
              )}
            </>
          )}
          {save.error && <p role="alert">{save.error.message}</p>}
          <div className="dialog-buttons">
            <button type="button" onClick={() => (setEditing(null), setDraft(EMPTY))}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={!parsed.success || save.isPending}>
              Save
            </button>
          </div>
        </form>
      )}
      {remove.error && <p role="alert">{remove.error.message}</p>}
    </section>
  );
}
