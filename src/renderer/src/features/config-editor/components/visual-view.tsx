import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConfigEdit, ConfigIssue } from '../../../../../shared/model';
import type { EditFailure, EditOptions } from '../hooks/use-config-edit';
import type { ConfigModel } from '../utils/config-model';
import { knownPaths } from '../utils/field-paths';
import { filterModel } from '../utils/model-filter';
import type { Drift } from '../utils/runtime-drift';
import { parseIssuePath, pathKey } from '../utils/yaml-path';
import { BACKEND_NAMES_LIST, SELECT_LIMIT } from './add-member';
import { BackendsSection } from './backends-section';
import { FrontendsSection } from './frontends-section';
import { HealthChecksSection } from './healthchecks-section';
import { VisualProvider, type DragItem, type DriftActions, type VisualApi } from './visual-context';
import { IssueList } from './yaml-pane';

export interface VisualViewProps {
  model: ConfigModel;
  readOnly: boolean;
  banner?: ReactNode;
  /** The model is for an older text (a large file is being parsed). */
  pending?: boolean;
  edit: (edits: ConfigEdit[], opts?: EditOptions) => Promise<boolean>;
  failure: EditFailure | null;
  clearFailure: () => void;
  issues: readonly ConfigIssue[];
  drifts: ReadonlyMap<string, Drift>;
  driftActions: DriftActions | null;
}

function indexIssues(issues: readonly ConfigIssue[]): Map<string, ConfigIssue[]> {
  const out = new Map<string, ConfigIssue[]>();
  for (const i of issues) {
    const k = pathKey(parseIssuePath(i.path));
    out.set(k, [...(out.get(k) ?? []), i]);
  }
  return out;
}

/**
 * The sections over one model: every change goes through `edit`; the validator's issues show at their
 * fields. Memoised with its sections: typing in the YAML view re-renders none of it until the model,
 * the issues or the runtime weights change.
 */
export const VisualView = memo(function VisualView({ model, readOnly, banner, pending, edit, failure, clearFailure, issues, drifts, driftActions }: VisualViewProps) {
  const [filter, setFilter] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const drag = useRef<DragItem | null>(null);
  const refocus = useRef<string | null>(null);
  const issueMap = useMemo(() => indexIssues(issues), [issues]);
  // Only needed to sort issues between fields and the list; a 10,000-backend model takes ~0.3 s.
  const hasIssues = issues.length > 0;
  const known = useMemo(() => (hasIssues ? knownPaths(model) : null), [model, hasIssues]);
  const api = useMemo<VisualApi>(
    () => ({
      model,
      readOnly,
      issues: issueMap,
      drifts,
      driftActions: readOnly ? null : driftActions,
      drag,
      refocus,
      refuse: setRefusal,
      edit: (edits, opts) => {
        setRefusal(null);
        return edit(edits, opts);
      },
    }),
    [model, readOnly, issueMap, drifts, driftActions, edit],
  );
  const shown = useMemo(() => filterModel(model, filter), [model, filter]);
  // A YAML syntax error has no path; the banner above already shows it.
  const others = known ? issues.filter((i) => i.path !== '' && !known.has(pathKey(parseIssuePath(i.path)))) : [];
  const alert = refusal ?? (failure ? `Not changed: ${failure.message}` : null);
  return (
    <div className="ve" role="region" aria-label="Visual editor" aria-busy={pending || undefined} data-readonly={readOnly || undefined}>
      {banner}
      {alert && (
        <div className="ve-toast" role="alert">
          <span>{alert}</span>
          <button
            type="button"
            className="ve-icon"
            aria-label="Dismiss"
            onClick={() => {
              setRefusal(null);
              clearFailure();
            }}
          >
            ✕
          </button>
        </div>
      )}
      <VisualProvider value={api}>
        <div className="ve-filter">
          <input type="search" aria-label="Filter the visual editor" placeholder="Filter checks, backends, frontends by name or address" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <IssueList issues={others} label="Problems not at a field" />
        <HealthChecksSection checks={shown.healthchecks} />
        <BackendsSection backends={shown.backends} />
        <FrontendsSection frontends={shown.frontends} />
        {model.backends.length > SELECT_LIMIT && !readOnly && (
          <datalist id={BACKEND_NAMES_LIST}>
            {model.backends.map((b) => (
              <option key={b.name} value={b.name} />
            ))}
          </datalist>
        )}
      </VisualProvider>
    </div>
  );
});
