import type { ReactNode } from 'react';
import { useDraft } from '../hooks/use-draft';
import type { PathSegments } from '../utils/yaml-path';
import { FieldShell } from './field-shell';
import { useVisual } from './visual-context';

interface Common {
  label: string;
  path: PathSegments;
  labelHidden?: boolean;
  hint?: ReactNode;
  className?: string;
}

const show = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** A text field committed after a pause in typing; `check` may refuse a value before it is sent. */
export function TextField({ value, onCommit, placeholder, check, ...c }: Common & { value: unknown; onCommit: (v: string) => void; placeholder?: string; check?: (v: string) => string | null }) {
  const { readOnly } = useVisual();
  const d = useDraft(show(value), (v) => {
    if (v !== show(value) && !check?.(v)) onCommit(v);
  });
  return (
    <FieldShell {...c} local={check?.(d.draft) ?? null}>
      {(a) => (
        <input {...a} type="text" value={d.draft} placeholder={placeholder} readOnly={readOnly} spellCheck={false} onChange={(e) => d.onChange(e.target.value)} onBlur={d.onBlur} onKeyDown={d.onKeyDown} />
      )}
    </FieldShell>
  );
}

/** Why a typed number cannot be written, or null. Empty means "use the default" (null value). */
export function numberProblem(text: string, min: number, max: number): string | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) return `must be a whole number from ${min} to ${max}`;
  return null;
}

/** A whole-number field limited to min..max; an empty field removes the key (the default applies). */
export function NumberField({ value, onCommit, min, max, placeholder, title, ...c }: Common & { value: unknown; onCommit: (v: number | null) => void; min: number; max: number; placeholder?: string; title?: string }) {
  const { readOnly } = useVisual();
  const d = useDraft(show(value), (v) => {
    if (v === show(value) || numberProblem(v, min, max)) return;
    onCommit(v.trim() === '' ? null : Number(v));
  });
  return (
    <FieldShell {...c} local={numberProblem(d.draft, min, max)}>
      {(a) => (
        <input {...a} type="number" inputMode="numeric" min={min} max={max} step={1} value={d.draft} placeholder={placeholder} title={title} readOnly={readOnly} onChange={(e) => d.onChange(e.target.value)} onBlur={d.onBlur} onKeyDown={d.onKeyDown} />
      )}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label?: string;
  disabled?: boolean;
}

/** A select over an enumeration or the names of existing entries; a value the file has but the list lacks stays visible. */
export function SelectField({ value, options, onChange, ...c }: Common & { value: unknown; options: Option[]; onChange: (v: string) => void }) {
  const { readOnly } = useVisual();
  const current = show(value);
  const all = current === '' || options.some((o) => o.value === current) ? options : [{ value: current, label: `${current} (not found)` }, ...options];
  return (
    <FieldShell {...c}>
      {(a) => (
        <select {...a} value={current} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
          {current === '' && <option value="">—</option>}
          {all.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label ?? o.value}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A checkbox for a boolean key. */
export function CheckField({ checked, onChange, ...c }: Common & { checked: boolean; onChange: (v: boolean) => void }) {
  const { readOnly } = useVisual();
  return (
    <FieldShell {...c} className={`ve-check${c.className ? ` ${c.className}` : ''}`}>
      {(a) => <input {...a} type="checkbox" checked={checked} disabled={readOnly} onChange={(e) => onChange(e.target.checked)} />}
    </FieldShell>
  );
}
