import { useState } from 'react';
import { useDraft } from '../hooks/use-draft';
import { DURATION_UNITS, formatGoDuration, parseGoDuration, splitDuration, type DurationUnit } from '../utils/duration';
import type { PathSegments } from '../utils/yaml-path';
import { FieldShell } from './field-shell';
import { useVisual } from './visual-context';

/** Why a typed amount cannot be a duration, or null (empty: the default applies). */
function amountProblem(text: string): string | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? null : 'must be a number above 0';
}

/**
 * A Go duration as an amount and a unit (ms, s, m). The file's spelling (`1m30s`) is shown in the
 * largest whole unit (90 s); a value that is not a duration is named, with the validator's message.
 */
export function DurationField({ label, path, value, fallback, onCommit }: { label: string; path: PathSegments; value: unknown; fallback: string; onCommit: (v: string | null) => void }) {
  const { readOnly } = useVisual();
  const raw = value === undefined || value === null ? '' : String(value);
  const ms = raw === '' ? null : parseGoDuration(raw);
  const parsed = ms === null ? null : splitDuration(ms);
  // An absent value shows the default in the default's own unit, greyed (placeholder).
  const fallbackMs = parseGoDuration(fallback);
  const shownDefault = fallbackMs === null ? null : splitDuration(fallbackMs);
  const [unit, setUnit] = useState<DurationUnit>(parsed?.unit ?? shownDefault?.unit ?? 's');
  const [seenUnit, setSeenUnit] = useState<DurationUnit | undefined>(unit);
  const wanted = parsed?.unit ?? (raw === '' ? shownDefault?.unit : undefined);
  if (wanted && wanted !== seenUnit) {
    setSeenUnit(wanted);
    setUnit(wanted);
  }
  const send = (amount: string, u: DurationUnit) => {
    if (amountProblem(amount)) return;
    const next = amount.trim() === '' ? null : formatGoDuration(Number(amount), u);
    if (next !== (raw === '' ? null : raw)) onCommit(next);
  };
  const d = useDraft(parsed ? String(parsed.value) : '', (amount) => send(amount, unit));
  const unreadable = raw !== '' && ms === null ? `the file has “${raw}”, which is not a duration` : null;
  return (
    <FieldShell label={label} path={path} local={amountProblem(d.draft) ?? (d.pending ? null : unreadable)}>
      {(a) => (
        <span className="ve-duration">
          <input {...a} type="number" min={0} step="any" value={d.draft} placeholder={shownDefault ? String(shownDefault.value) : undefined} title={raw === '' ? `default ${fallback}` : undefined} readOnly={readOnly} onChange={(e) => d.onChange(e.target.value)} onBlur={d.onBlur} onKeyDown={d.onKeyDown} />
          <select
            aria-label={`${label} unit`}
            value={unit}
            disabled={readOnly}
            onChange={(e) => {
              const u = e.target.value as DurationUnit;
              setUnit(u);
              send(d.draft, u);
            }}
          >
            {DURATION_UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </span>
      )}
    </FieldShell>
  );
}
