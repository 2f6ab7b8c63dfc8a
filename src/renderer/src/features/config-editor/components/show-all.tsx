/** The "N more" line under a capped list. */
export function ShowAll({ hidden, what, onClick }: { hidden: number; what: string; onClick: () => void }) {
  if (hidden <= 0) return null;
  return (
    <p className="muted ve-more">
      {hidden} more {what} not shown (use the filter, or){' '}
      <button type="button" onClick={onClick}>
        Show all
      </button>
    </p>
  );
}
