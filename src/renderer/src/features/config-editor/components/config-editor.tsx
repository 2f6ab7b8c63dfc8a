import { useMutation, useQuery } from '@tanstack/react-query';
import { useBridge } from '../../../lib/bridge-context';
import { configQueryOptions } from '../api/get-config';
import { DocumentEditor } from './document-editor';
import { RemoteStructure } from './remote-structure';

function RemoteConfigOps({ site }: { site: string }) {
  const bridge = useBridge();
  const run = useMutation({ mutationFn: (op: 'config:check' | 'config:reload') => bridge.invoke(op, { site }) });
  const r = run.data;
  return (
    <div className="toolbar">
      <button type="button" onClick={() => run.mutate('config:check')}>
        Check on daemon
      </button>
      <button type="button" onClick={() => run.mutate('config:reload')}>
        Reload on daemon
      </button>
      {r && (
        <span role="status" className={r.ok ? 'result-ok' : 'result-error'}>
          {r.ok ? 'ok' : r.parseError || r.semanticError}
        </span>
      )}
      {run.error && <span role="alert">{run.error.message}</span>}
    </div>
  );
}

/**
 * The config tab: the site's config as one document in two views (visual and YAML) with validation,
 * diff and Apply; `restoreId` loads a config of the history into the draft. Remote sites show their
 * running structure read-only and can check or reload the file on the daemon's host.
 */
export function ConfigEditor({ site, readOnly, restoreId }: { site: string; readOnly: boolean; restoreId?: string }) {
  const bridge = useBridge();
  const q = useQuery(configQueryOptions(bridge, site));
  if (q.isPending) return <p className="muted">Loading config…</p>;
  if (q.error) return <p role="alert">{q.error.message}</p>;
  const editable = q.data.editable && !readOnly;
  return (
    <section aria-label="Config editor">
      {q.data.legacy && <p className="warning">This file uses the legacy `vips:` form; it is converted on load.</p>}
      {!q.data.editable && (
        <>
          <p className="muted">{q.data.text}</p>
          {!readOnly && <RemoteConfigOps site={site} />}
          <RemoteStructure site={site} />
        </>
      )}
      {q.data.editable && <DocumentEditor key={site} site={site} path={q.data.path} fileText={q.data.text} editable={editable} restoreId={restoreId} />}
    </section>
  );
}
