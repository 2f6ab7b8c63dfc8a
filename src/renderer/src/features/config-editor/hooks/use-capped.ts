import { useState } from 'react';

/** How many entries a section renders before "Show all" (a 10,000-backend file stays responsive). */
export const SECTION_CAP = 60;

/** The first `cap` items until the user asks for all of them. */
export function useCapped<T>(items: readonly T[], cap = SECTION_CAP) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, cap);
  return { shown, hidden: items.length - shown.length, showAll: () => setAll(true) };
}
