import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConfigEdit, ConfigIssue } from '../../../../../shared/model';
import type { EditFailure, EditOptions } from '../hooks/use-config-edit';
import type { ConfigModel } from '../utils/config-model';
import { knownPaths } from '../utils/field-paths';
import { filterModel } from '../utils/model-filter';
import type { Drift } from '../utils/runtime-drift';
import { parseIssuePath, pathKey } from '../utils/yaml-path';
import { BackendsSection } from './backends-section';
import { FrontendsSection } from './frontends-section';
import { HealthChecksSection } from './healthchecks-section';
import { VisualProvider, type DragItem, type DriftActions, type VisualApi } from './visual-context';
import { IssueList } from './yaml-pane';

export interface VisualViewProps {
  model: ConfigModel;
  readOnly: boolean;
  banner?: ReactNode;
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

/** The sections over one model: every change goes through `edit`; the validator's issues show at their fields. */
export function VisualView({ model, readOnly, banner, edit, failure, clearFailure, issues, drifts, driftActions }: VisualViewProps) {
  const [filter, setFilter] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const drag = useRef<DragItem | null>(null);
  const issueMap = useMemo(() => indexIssues(issues), [issues]);
  const known = useMemo(() => knownPaths(model), [model]);
  const api = useMemo<VisualApi>(
    () => ({
      model,
      readOnly,
      issues: issueMap,
      drifts,
      driftActions: readOnly ? null : driftActions,
      drag,
      refuse: setRefusal,
      edit: (edits, opts) => {
        setRefusal(null);
        return edit(edits, opts);
      },
    }),
    [model, readOnly, issueMap, drifts, driftActions, edit],
  );
  const shown = useMemo(() => filterModel(model, filter), [model, filter]);
  const others = issues.filter((i) => !known.has(pathKey(parseIssuePath(i.path))));
  const alert = refusal ?? (failure ? `Not changed: ${failure.message}` : null);
  return (
    <div className="ve" role="region" aria-label="Visual editor" data-readonly={readOnly || undefined}>
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
      </VisualProvider>
    </div>
  );
}
