import { useEffect, useRef } from 'react';
import { Annotation, EditorState, Transaction } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { searchKeymap } from '@codemirror/search';
import type { ConfigIssue } from '../../../../../shared/model';
import type { DocumentStore } from '../utils/document-store';
import { textChange } from '../utils/text-change';
import { editorTheme } from '../../../components/editor-theme';

/** Converts 1-based line:col issues into CodeMirror diagnostics (clamped to the document). */
export function issuesToDiagnostics(state: EditorState, issues: ConfigIssue[]): Diagnostic[] {
  return issues.map((i) => {
    const line = state.doc.line(Math.min(Math.max(1, i.line), state.doc.lines));
    const from = Math.min(line.from + Math.max(0, i.col - 1), line.to);
    const to = Math.max(from + 1, Math.min(line.to, from + 1 + (/^\S+/.exec(line.text.slice(from - line.from))?.[0].length ?? 1) - 1));
    return {
      from,
      to: Math.min(to, state.doc.length),
      severity: i.kind === 'warning' ? 'warning' : 'error',
      message: `${i.path}: ${i.message}`,
      source: i.kind,
    };
  });
}

/** Marks transactions that mirror the store into the editor (they must not be sent back). */
const fromStore = Annotation.define<boolean>();

/** Typing pauses longer than this start a new undo step. */
const TYPING_MERGE_MS = 1000;

/**
 * Mounts a CodeMirror 6 YAML editor that mirrors the document store: user edits go to the store (one
 * undo step per typing burst), store changes (visual edits, undo, restore) come back as minimal changes
 * kept out of CodeMirror's own history, and Mod-z / Mod-y / Mod-Shift-z are the store's undo/redo, so
 * both views share one history. `checked` is the validator's answer for a text; it is shown only
 * while that is still the editor's text.
 */
export function useCodeMirror(opts: { store: DocumentStore; readOnly: boolean; checked: { text: string; issues: ConfigIssue[] } | null }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const { store, readOnly } = opts;
  useEffect(() => {
    if (!host.current) return;
    const run = (f: () => boolean) => () => {
      f();
      return true;
    };
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: store.getSnapshot().text,
        extensions: [
          lineNumbers(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          editorTheme(),
          yaml(),
          lintGutter(),
          keymap.of([
            { key: 'Mod-z', run: run(store.undo), preventDefault: true },
            { key: 'Mod-y', run: run(store.redo), preventDefault: true },
            { key: 'Mod-Shift-z', run: run(store.redo), preventDefault: true },
            ...defaultKeymap,
            ...searchKeymap,
          ]),
          EditorState.readOnly.of(readOnly),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged || u.transactions.some((t) => t.annotation(fromStore))) return;
            store.change(u.state.doc.toString(), { origin: 'yaml', key: 'yaml-typing', mergeMs: TYPING_MERGE_MS });
          }),
          EditorView.contentAttributes.of({ 'aria-label': 'Config YAML' }),
        ],
      }),
    });
    view.current = v;
    const off = store.subscribe(() => {
      const c = textChange(v.state.doc.toString(), store.getSnapshot().text);
      if (c) v.dispatch({ changes: c, annotations: [fromStore.of(true), Transaction.addToHistory.of(false)] });
    });
    return () => {
      off();
      v.destroy();
      view.current = null;
    };
  }, [store, readOnly]);
  const { checked } = opts;
  useEffect(() => {
    const v = view.current;
    if (!v || !checked || checked.text !== v.state.doc.toString()) return;
    v.dispatch(setDiagnostics(v.state, issuesToDiagnostics(v.state, checked.issues)));
  }, [checked]);
  return { host, view };
}
