import type { DocumentSnapshot } from '../utils/document-store';

export interface Panes {
  visual: boolean;
  yaml: boolean;
}

/** File, state, undo/redo, which views show, Validate & diff, Apply. */
export function EditorToolbar(props: {
  path: string;
  doc: DocumentSnapshot;
  panes: Panes;
  setPanes: (p: Panes) => void;
  editable: boolean;
  invalid: boolean;
  applying: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onCheck: () => void;
  onApply: () => void;
}) {
  const { doc, panes, setPanes, editable } = props;
  const toggle = (key: keyof Panes, label: string) => (
    <button
      type="button"
      aria-pressed={panes[key]}
      // One view always stays: hiding the last one would leave nothing to edit.
      disabled={panes[key] && !panes[key === 'visual' ? 'yaml' : 'visual']}
      onClick={() => setPanes({ ...panes, [key]: !panes[key] })}
    >
      {label}
    </button>
  );
  return (
    <div className="toolbar ve-toolbar">
      <span className="muted ve-path">{props.path}</span>
      {doc.dirty && <span className="badge">modified</span>}
      {editable && (
        <span className="ve-group" role="group" aria-label="History">
          <button type="button" onClick={props.onUndo} disabled={!doc.canUndo} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button type="button" onClick={props.onRedo} disabled={!doc.canRedo} title="Redo (Ctrl+Y, Ctrl+Shift+Z)">
            Redo
          </button>
        </span>
      )}
      <span className="ve-group" role="group" aria-label="Views">
        {toggle('visual', 'Visual')}
        {toggle('yaml', 'YAML')}
      </span>
      <span className="spacer" />
      <button type="button" onClick={props.onCheck} disabled={!editable}>
        Validate &amp; diff
      </button>
      <button
        type="button"
        className="primary"
        onClick={props.onApply}
        disabled={!editable || props.invalid || !doc.dirty || props.applying}
        title={props.invalid ? 'Fix the errors first: an invalid config is never applied' : undefined}
      >
        Apply
      </button>
    </div>
  );
}
