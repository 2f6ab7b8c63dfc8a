import type { Applied } from '../hooks/use-apply';
import type { Checked } from '../hooks/use-validation';
import { DiffPanel } from '../../../components/diff-panel';

/** How many restarting backends the confirmation names. */
const MAX_NAMES = 12;

/** The confirmation Apply needs when the reload restarts many backends or empties a pool. */
export function ApplyConfirm({ warnings, restarted, onApply, onCancel }: { warnings: string[]; restarted: string[]; onApply: () => void; onCancel: () => void }) {
  const shown = restarted.slice(0, MAX_NAMES);
  return (
    <div className="ve-confirm" role="alertdialog" aria-label="Confirm Apply" aria-describedby="ve-confirm-text">
      <div id="ve-confirm-text">
        <strong>Apply this change?</strong>
        <ul>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
        {shown.length > 0 && (
          <p className="ve-confirm-names">
            Restarting: {shown.join(', ')}
            {restarted.length > shown.length ? ` and ${restarted.length - shown.length} more (listed under “What Apply will do”)` : ''}
          </p>
        )}
      </div>
      <div className="dialog-buttons">
        {/* The safe choice has the focus: Enter right after Apply must not apply a risky change. */}
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="primary ve-danger" onClick={onApply}>
          Apply anyway
        </button>
      </div>
    </div>
  );
}

/** The validator's verdict in one line (the live region both views share). */
export function ValidationStatus({ checked, current }: { checked: Checked | null; current: boolean }) {
  if (!checked) return <p className="muted ve-status">Checking…</p>;
  const v = checked.validation;
  const n = v.issues.length;
  return (
    <p role="status" className={`ve-status ${v.ok ? 'result-ok' : 'result-error'}`} aria-busy={!current || undefined}>
      {v.ok ? 'Valid' : `${n} problem${n === 1 ? '' : 's'}: Apply is refused until fixed`}
    </p>
  );
}

/** The outcome of the last Apply in one line, for the status bar. */
export function AppliedNote({ applied }: { applied: Applied }) {
  return (
    <span className="result-ok ve-applied">
      Applied and reloaded in {Math.round(applied.elapsedMs)} ms (saved to <code>{applied.savedTo}</code>).
    </span>
  );
}

/** Under the editors: the plan for the current draft, or what the last Apply changed. */
export function PlanPanel({ checked, current, dirty, applied }: { checked: Checked | null; current: boolean; dirty: boolean; applied: Applied | null }) {
  return (
    <>
      {applied && <DiffPanel diff={applied.diff} title="What changed" />}
      {!applied && dirty && checked?.diffError && <p role="alert">Could not compute the reload diff: {checked.diffError}</p>}
      {!applied && dirty && current && checked?.diff && <DiffPanel diff={checked.diff} title="What Apply will do" />}
    </>
  );
}
