import { useId, useState } from 'react';

/** Checks a new name for a map key: not empty, no outer spaces, not taken. */
export function nameProblem(name: string, taken: Iterable<string>, what: string): string | null {
  if (name === '') return null;
  if (name.trim() !== name) return 'no spaces at either end';
  if (name.length > 256) return 'at most 256 characters';
  for (const t of taken) if (t === name) return `a ${what} named ${name} already exists`;
  return null;
}

/**
 * A one-field inline form for a name (rename, duplicate, add pool): Enter submits, Escape cancels.
 * Stays open with the host's refusal shown when the edit fails.
 */
export function InlineNameForm({
  label,
  submit,
  initial = '',
  problem,
  onSubmit,
  onDone,
}: {
  label: string;
  submit: string;
  initial?: string;
  problem: (name: string) => string | null;
  onSubmit: (name: string) => Promise<boolean>;
  onDone: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const local = problem(name);
  const go = async () => {
    if (!name || local || busy) return;
    setBusy(true);
    const ok = await onSubmit(name);
    setBusy(false);
    if (ok) onDone();
  };
  return (
    <form
      className="ve-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void go();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={name} autoFocus spellCheck={false} aria-invalid={local ? true : undefined} aria-describedby={local ? `${id}-msg` : undefined} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="primary" disabled={!name || Boolean(local) || busy}>
        {submit}
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {local && (
        <small id={`${id}-msg`} className="ve-msg ve-msg-error">
          {local}
        </small>
      )}
    </form>
  );
}
