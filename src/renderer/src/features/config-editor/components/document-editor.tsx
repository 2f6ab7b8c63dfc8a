import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ConfigHistoryEntry } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { historyEntryQueryOptions } from '../api/get-history-entry';
import { useApply } from '../hooks/use-apply';
import { useConfigEdit } from '../hooks/use-config-edit';
import { parseWorkerFactory } from '../hooks/use-config-model';
import { useDocument } from '../hooks/use-document';
import { useRuntimeDrift } from '../hooks/use-runtime-drift';
import { useValidation } from '../hooks/use-validation';
import { createDocumentStore } from '../utils/document-store';
import { createModelParser } from '../utils/model-parser';
import { AppliedNote, ApplyConfirm, PlanPanel, ValidationStatus } from './apply-panel';
import { EditorToolbar, type Panes } from './editor-toolbar';
import { RestoreBanner } from './restore-banner';
import { VisualEditor } from './visual-editor';
import { YamlPane } from './yaml-pane';

/** Routes Mod-z / Mod-y / Mod-Shift-z outside CodeMirror (which binds its own) to the document's history. */
function historyKeys(e: KeyboardEvent, undo: () => void, redo: () => void): void {
  const t = e.target as HTMLElement;
  if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || t.closest('.cm-editor, [data-native-undo]')) return;
  const k = e.key.toLowerCase();
  if (k === 'z' && !e.shiftKey) undo();
  else if (k === 'y' || (k === 'z' && e.shiftKey)) redo();
  else return;
  e.preventDefault();
}

/**
 * One config document in two views — the visual editor and the YAML — with one undo history, the
 * validator and reload diff as you edit, runtime-vs-file weights, restore from history and Apply.
 */
export function DocumentEditor({ site, path, fileText, editable, restoreId }: { site: string; path: string; fileText: string; editable: boolean; restoreId?: string }) {
  const bridge = useBridge();
  const [store] = useState(() => createDocumentStore(fileText));
  const [parser] = useState(() => createModelParser(parseWorkerFactory()));
  useEffect(() => () => parser.dispose(), [parser]);
  const doc = useDocument(store);
  const [panes, setPanes] = useState<Panes>({ visual: true, yaml: true });
  const fileName = path.split(/[\\/]/).pop() || 'maglev.yaml';
  const v = useValidation({ site, fileName, text: doc.text, savedText: doc.savedText, withDiff: editable });
  const { edit, failure, clearFailure } = useConfigEdit(store);
  const drift = useRuntimeDrift({ site, store, savedText: doc.savedText, enabled: true, parser, edit });
  const apply = useApply({ site, store, version: doc.version, ensure: v.ensure });

  // The file as the host reads it: after an Apply it equals the saved text; a change made elsewhere is
  // taken in when there is no draft, and only becomes the comparison base when there is one.
  useEffect(() => {
    const s = store.getSnapshot();
    if (fileText === s.savedText) return;
    store.markSaved(fileText);
    if (!s.dirty) store.change(fileText, { origin: 'file' });
  }, [fileText, store]);

  const [restored, setRestored] = useState<ConfigHistoryEntry | null>(null);
  const restoreQ = useQuery({ ...historyEntryQueryOptions(bridge, site, restoreId ?? ''), enabled: Boolean(restoreId) && editable });
  const restoredId = useRef<string | null>(null);
  useEffect(() => {
    if (!restoreId || !restoreQ.data || restoredId.current === restoreId) return;
    restoredId.current = restoreId;
    store.change(restoreQ.data.text, { origin: 'restore' });
    setRestored(restoreQ.data.entry);
  }, [restoreId, restoreQ.data, store]);

  const current = v.current;
  const issues = useMemo(() => (v.checked ? [...v.checked.validation.issues, ...v.checked.validation.warnings] : []), [v.checked]);
  const yamlChecked = useMemo(() => (v.checked ? { text: v.checked.text, issues } : null), [v.checked, issues]);
  const invalid = v.checked !== null && v.checked.text === doc.text && !v.checked.validation.ok;
  return (
    <div className="config-editor" onKeyDown={(e) => historyKeys(e, store.undo, store.redo)}>
      <EditorToolbar
        path={path}
        doc={doc}
        panes={panes}
        setPanes={setPanes}
        editable={editable}
        invalid={invalid}
        applying={apply.pending}
        onUndo={store.undo}
        onRedo={store.redo}
        onCheck={() => void v.refresh()}
        onApply={() => void apply.request()}
      />
      {restoreQ.error && <p role="alert">Could not load that config from the history: {restoreQ.error.message}</p>}
      {restored && <RestoreBanner entry={restored} onDismiss={() => setRestored(null)} />}
      <div className="ve-statusbar">
        <ValidationStatus checked={v.checked} current={current} />
        {apply.applied && <AppliedNote applied={apply.applied} />}
        {v.error && <span role="alert">Validator unavailable: {v.error}</span>}
        {drift.message && (
          <span className={drift.message.ok ? 'result-ok' : 'result-error'} role={drift.message.ok ? undefined : 'alert'}>
            {drift.message.text}
          </span>
        )}
      </div>
      {apply.confirm && <ApplyConfirm warnings={apply.confirm.warnings} restarted={apply.confirm.restarted} onApply={apply.applyAnyway} onCancel={apply.cancel} />}
      {apply.error && <p role="alert">Not applied: {apply.error}</p>}
      <div className={`ve-split${panes.visual && panes.yaml ? ' ve-split-both' : ''}`}>
        {panes.visual && (
          <VisualEditor
            text={doc.text}
            parser={parser}
            readOnly={!editable}
            edit={edit}
            failure={failure}
            clearFailure={clearFailure}
            issues={issues}
            drifts={drift.drifts}
            driftActions={drift.actions}
          />
        )}
        <div className="ve-yaml-pane" hidden={!panes.yaml}>
          <YamlPane store={store} readOnly={!editable} checked={yamlChecked} />
        </div>
      </div>
      <PlanPanel checked={v.checked} current={current} dirty={doc.dirty} applied={apply.applied} />
    </div>
  );
}
