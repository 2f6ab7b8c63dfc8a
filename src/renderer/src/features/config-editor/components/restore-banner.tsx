import type { ConfigHistoryEntry } from '../../../../../shared/model';

/** Says that a config of the history was loaded into the draft, and that nothing is applied yet. */
export function RestoreBanner({ entry, onDismiss }: { entry: ConfigHistoryEntry; onDismiss: () => void }) {
  const at = new Date(entry.atMs).toLocaleString([], { hour12: false });
  return (
    <div className="ve-banner ve-banner-info" role="note" aria-label="Restored config">
      <span>
        Restored the config applied at <strong>{at}</strong> by <strong>{entry.user}</strong> — review the diff and Apply. Nothing is applied until you do;
        Undo takes it back out.
      </span>
      <button type="button" className="ve-icon" aria-label="Dismiss the restore note" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
