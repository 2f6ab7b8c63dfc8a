import { applyChange, textChange, type TextChange } from './text-change';

/** Where a change of the document came from. */
export type ChangeOrigin = 'yaml' | 'visual' | 'restore' | 'file' | 'apply';

export interface ChangeOptions {
  origin: ChangeOrigin;
  /**
   * Changes with the same key that follow each other within `mergeMs` become one undo step (a typing
   * burst, a slider being dragged, a field typed into). No key: always a step of its own.
   */
  key?: string;
  mergeMs?: number;
}

/** What the views render: the text and what the toolbar needs. */
export interface DocumentSnapshot {
  readonly text: string;
  /** The text of the file as last read or applied (the runtime-vs-file comparison uses it). */
  readonly savedText: string;
  readonly dirty: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Increments on every change, undo and redo. */
  readonly version: number;
  readonly lastOrigin: ChangeOrigin | 'undo' | 'redo' | 'load';
}

/** An undo step: the change it made, and the text it replaced (to go back). */
interface Step {
  change: TextChange;
  removed: string;
  key?: string;
  at: number;
}

/** The one document both views edit: text, undo/redo stacks and the saved text. */
export interface DocumentStore {
  getSnapshot(): DocumentSnapshot;
  subscribe(listener: () => void): () => void;
  /** Replaces the text; an unchanged text makes no step. */
  change(text: string, opts: ChangeOptions): void;
  undo(): boolean;
  redo(): boolean;
  /** Records `text` as what the file now holds (after a read or an Apply). */
  markSaved(text: string): void;
}

const MAX_STEPS = 500;
const DEFAULT_MERGE_MS = 1500;

/** The step that undoes `s` (applied to the text after it). */
function invert(s: Step): Step {
  return { change: { from: s.change.from, to: s.change.from + s.change.insert.length, insert: s.removed }, removed: s.change.insert, at: s.at };
}

/** Creates a document store over `initial` (also the saved text). `now` is injectable for tests. */
export function createDocumentStore(initial: string, now: () => number = () => Date.now()): DocumentStore {
  let text = initial;
  let savedText = initial;
  let version = 0;
  let lastOrigin: DocumentSnapshot['lastOrigin'] = 'load';
  const undoStack: Step[] = [];
  const redoStack: Step[] = [];
  // The step later changes may merge into; undo, redo and saving seal it.
  let open: Step | null = null;
  const listeners = new Set<() => void>();
  let snap: DocumentSnapshot = build();

  function build(): DocumentSnapshot {
    return { text, savedText, dirty: text !== savedText, canUndo: undoStack.length > 0, canRedo: redoStack.length > 0, version, lastOrigin };
  }
  function emit(origin: DocumentSnapshot['lastOrigin']): void {
    version++;
    lastOrigin = origin;
    snap = build();
    for (const l of [...listeners]) l();
  }
  function move(from: Step[], to: Step[], origin: 'undo' | 'redo'): boolean {
    const step = from.pop();
    if (!step) return false;
    const back = invert(step);
    text = applyChange(text, back.change);
    to.push(back);
    open = null;
    emit(origin);
    return true;
  }

  return {
    getSnapshot: () => snap,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(next, opts) {
      const c = textChange(text, next);
      if (!c) return;
      const t = now();
      const top = undoStack[undoStack.length - 1];
      if (open && top === open && opts.key !== undefined && open.key === opts.key && t - open.at <= (opts.mergeMs ?? DEFAULT_MERGE_MS)) {
        // Merge: the step now goes from the text before it straight to `next`.
        const before = applyChange(text, invert(open).change);
        const merged = textChange(before, next);
        if (merged) {
          open.change = merged;
          open.removed = before.slice(merged.from, merged.to);
          open.at = t;
        } else undoStack.pop();
        open = merged ? open : null;
      } else {
        const step: Step = { change: c, removed: text.slice(c.from, c.to), key: opts.key, at: t };
        undoStack.push(step);
        if (undoStack.length > MAX_STEPS) undoStack.shift();
        open = opts.key !== undefined ? step : null;
      }
      redoStack.length = 0;
      text = next;
      emit(opts.origin);
    },
    undo: () => move(undoStack, redoStack, 'undo'),
    redo: () => move(redoStack, undoStack, 'redo'),
    markSaved(t) {
      savedText = t;
      open = null;
      emit(lastOrigin);
    },
  };
}
