import { useDraft } from '../hooks/use-draft';
import { pathKey, type PathSegments } from '../utils/yaml-path';
import { numberProblem } from './field-controls';
import { FieldShell } from './field-shell';
import { useVisual } from './visual-context';

/** Slider moves wait this long before they are sent; the document merges a whole drag into one undo step. */
const SLIDER_DEBOUNCE_MS = 150;
/** Weight changes of one member this close together are one undo step. */
const WEIGHT_MERGE_MS = 8000;

/** A member's weight: a 0–100 slider and the same number as a field, committed as `set-weight`. */
export function WeightControl({ frontend, pool, backend, raw, path }: { frontend: string; pool: string; backend: string; raw: unknown; path: PathSegments }) {
  const { edit, readOnly } = useVisual();
  const value = raw === undefined || raw === null ? '100' : String(raw);
  const d = useDraft(
    value,
    (v) => {
      if (v === value || numberProblem(v, 0, 100) || v.trim() === '') return;
      void edit([{ op: 'set-weight', frontend, pool, backend, weight: Number(v) }], { key: `weight:${pathKey(path)}`, mergeMs: WEIGHT_MERGE_MS });
    },
    SLIDER_DEBOUNCE_MS,
  );
  const n = Number(d.draft);
  return (
    <FieldShell label={`Weight of ${backend}`} labelHidden path={path} local={numberProblem(d.draft, 0, 100)} className="ve-weight">
      {(a) => (
        <>
          <input {...a} type="range" min={0} max={100} step={1} value={Number.isFinite(n) ? n : 0} disabled={readOnly} onChange={(e) => d.onChange(e.target.value)} onBlur={d.onBlur} />
          <input
            type="number"
            aria-label={`Weight of ${backend}, number`}
            aria-invalid={a['aria-invalid']}
            aria-describedby={a['aria-describedby']}
            min={0}
            max={100}
            step={1}
            value={d.draft}
            readOnly={readOnly}
            onChange={(e) => d.onChange(e.target.value)}
            onBlur={d.onBlur}
            onKeyDown={d.onKeyDown}
          />
        </>
      )}
    </FieldShell>
  );
}
