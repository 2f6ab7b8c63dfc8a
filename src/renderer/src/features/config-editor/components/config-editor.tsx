import { useCallback, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfigDiff, ConfigIssue } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { siteKeys } from '../../../lib/query-keys';
import { DiffPanel } from './diff-panel';
import { useCodeMirror } from './use-code-mirror';

type Validation = { ok: boolean; issues: ConfigIssue[]; warnings: ConfigIssue[] };

function IssueList({ issues }: { issues: ConfigIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="issue-list" aria-label="Config problems">
      {issues.map((i, n) => (
        <li key={n} className={i.kind === 'warning' ? 'warning' : 'error'}>
          <code>
            {i.line}:{i.col}
          </code>{' '}
          {i.path}: {i.message}
        </li>
      ))}
    </ul>
  );
}

function Editor({ site, path, initial, editable }: { site: string; path: string; initial: string; editable: boolean }) {
  const bridge = useBridge();
  const qc = useQueryClient();
  const text = useRef(initial);
  const [dirty, setDirty] = useState(false);
  const [validation, setValidation] = useState<Validation | null>(null);
  const [diff, setDiff] = useState<ConfigDiff | null>(null);
  const [applied, setApplied] = useState<{ diff: ConfigDiff; elapsedMs: number } | null>(null);
  const validate = useCallback(
    async (t: string) => {
      const r = await bridge.invoke('config:validate', { text: t, fileName: path });
      setValidation(r);
      return [...r.issues, ...r.warnings];
    },
    [bridge, path],
  );
  const { host } = useCodeMirror({
    initial,
    readOnly: !editable,
    validate,
    onChange: (t) => {
      text.current = t;
      setDirty(true);
      setDiff(null);
      setApplied(null);
    },
  });
  const check = useMutation({
    mutationFn: () => bridge.invoke('config:diff', { site, text: text.current }),
    onSuccess: (r) => {
      setValidation(r.validation);
      setDiff(r.diff);
    },
  });
  const apply = useMutation({
    mutationFn: () => bridge.invoke('config:apply', { site, text: text.current }),
    onSuccess: (r) => {
      setApplied(r);
      setDiff(null);
      setDirty(false);
      void qc.invalidateQueries({ queryKey: ['sites', site] });
    },
  });
  const invalid = validation !== null && !validation.ok;
  return (
    <div className="config-editor">
      <div className="toolbar">
        <span className="muted">{path}</span>
        {dirty && <span className="badge">modified</span>}
        <span className="spacer" />
        <button type="button" onClick={() => check.mutate()} disabled={!editable}>
          Validate &amp; diff
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => apply.mutate()}
          disabled={!editable || invalid || !dirty || apply.isPending}
          title={invalid ? 'Fix the errors first: an invalid config is never applied' : undefined}
        >
          Apply
        </button>
      </div>
      {validation && (
        <p role="status" className={validation.ok ? 'result-ok' : 'result-error'}>
          {validation.ok ? 'Valid' : `${validation.issues.length} problem${validation.issues.length === 1 ? '' : 's'}: Apply is refused until fixed`}
        </p>
      )}
      <div ref={host} className="cm-host" />
      <IssueList issues={[...(validation?.issues ?? []), ...(validation?.warnings ?? [])]} />
      {check.error && <p role="alert">{check.error.message}</p>}
      {apply.error && <p role="alert">Not applied: {apply.error.message}</p>}
      {diff && <DiffPanel diff={diff} title="What Apply will do" />}
      {applied && (
        <>
          <p role="status" className="result-ok">
            Applied and reloaded in {Math.round(applied.elapsedMs)} ms.
          </p>
          <DiffPanel diff={applied.diff} title="What changed" />
        </>
      )}
    </div>
  );
}

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

/** The config editor: YAML with the project's validator as linter, diff, Validate and Apply. */
export function ConfigEditor({ site, readOnly }: { site: string; readOnly: boolean }) {
  const bridge = useBridge();
  const q = useQuery({ queryKey: siteKeys.config(site), queryFn: () => bridge.invoke('config:read', { site }), staleTime: 0 });
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
        </>
      )}
      {q.data.editable && <Editor site={site} path={q.data.path} initial={q.data.text} editable={editable} />}
    </section>
  );
}
