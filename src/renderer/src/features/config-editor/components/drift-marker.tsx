import type { Drift } from '../utils/runtime-drift';
import { useVisual } from './visual-context';

/** "runtime 40 · file 100" for a member whose running weight was changed at run time, with the two ways back. */
export function DriftMarker({ drift }: { drift: Drift }) {
  const { driftActions } = useVisual();
  const b = drift.backend;
  return (
    <span className="ve-drift">
      <span role="note" aria-label={`${b} runs at weight ${drift.runtime}; the file says ${drift.file}`} title="Changed at run time (SetWeight); not in the file">
        runtime {drift.runtime} · file {drift.file}
      </span>
      {driftActions && (
        <>
          <button type="button" disabled={driftActions.busy} onClick={() => driftActions.write(drift)} aria-label={`Write runtime weight ${drift.runtime} of ${b} to the file`}>
            Write to file
          </button>
          <button type="button" disabled={driftActions.busy} onClick={() => driftActions.revert(drift)} aria-label={`Revert ${b} to the file's weight ${drift.file}`}>
            Revert
          </button>
        </>
      )}
    </span>
  );
}
