import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** A typed value is sent to the host this long after the last keystroke (so each burst validates once). */
export const DRAFT_DEBOUNCE_MS = 350;

/** Tells whether a key event is the platform's undo or redo chord. */
export function isUndoRedo(e: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  const k = e.key.toLowerCase();
  return (e.ctrlKey || e.metaKey) && (k === 'z' || k === 'y');
}

/**
 * A text field's draft over a document value: typing commits after a pause (and on blur or Enter);
 * the field follows the document (undo, the YAML view) whenever nothing typed is waiting. Escape, or
 * undo while a draft waits, drops the draft instead of sending it.
 */
export function useDraft(value: string, commit: (text: string) => void, delayMs = DRAFT_DEBOUNCE_MS) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [pending, setPending] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, commit });
  latest.current = { draft, commit };
  if (seen !== value) {
    setSeen(value);
    if (!pending) setDraft(value);
  }

  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setPending(false);
  }, []);
  const flush = useCallback(() => {
    if (!timer.current) return;
    cancel();
    latest.current.commit(latest.current.draft);
  }, [cancel]);
  useEffect(() => flush, [flush]);

  const onChange = (text: string) => {
    setDraft(text);
    setPending(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      setPending(false);
      latest.current.commit(text);
    }, delayMs);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') flush();
    else if (e.key === 'Escape' || (isUndoRedo(e) && timer.current)) {
      if (!timer.current && e.key === 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      cancel();
      setDraft(value);
    }
  };
  return { draft, pending, onChange, onBlur: flush, onKeyDown };
}
