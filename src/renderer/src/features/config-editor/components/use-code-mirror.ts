import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { searchKeymap } from '@codemirror/search';
import type { ConfigIssue } from '../../../../../shared/model';
import { editorTheme } from './editor-theme';

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

/** Mounts a CodeMirror 6 YAML editor; `validate` is the project's own validator through the bridge. */
export function useCodeMirror(opts: {
  initial: string;
  readOnly: boolean;
  validate: (text: string) => Promise<ConfigIssue[]>;
  onChange: (text: string) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(opts);
  latest.current = opts;
  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: opts.initial,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          editorTheme(),
          yaml(),
          lintGutter(),
          linter(async (ev) => issuesToDiagnostics(ev.state, await latest.current.validate(ev.state.doc.toString())), { delay: 300 }),
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
          EditorState.readOnly.of(opts.readOnly),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
          EditorView.contentAttributes.of({ 'aria-label': 'Config YAML' }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // The editor is created once per document; later text comes from the user.
  }, [opts.initial, opts.readOnly]);
  return { host, view };
}
