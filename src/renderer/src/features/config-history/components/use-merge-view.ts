import { useEffect, useRef } from 'react';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { yaml } from '@codemirror/lang-yaml';
import { MergeView } from '@codemirror/merge';
import { editorTheme } from '../../../components/editor-theme';

function side(doc: string, label: string): { doc: string; extensions: Extension[] } {
  return {
    doc,
    extensions: [
      lineNumbers(),
      yaml(),
      editorTheme(),
      EditorState.readOnly.of(true),
      EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
    ],
  };
}

/**
 * Mounts a read-only side-by-side diff (`@codemirror/merge`): `a` on the left, `b` on the right,
 * unchanged lines aligned. Rebuilt when a text or `onlyChanges` changes; neither side is editable.
 */
export function useMergeView(opts: { a: string; b: string; labelA: string; labelB: string; onlyChanges: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const { a, b, labelA, labelB, onlyChanges } = opts;
  useEffect(() => {
    if (!host.current) return;
    const view = new MergeView({
      parent: host.current,
      a: side(a, labelA),
      b: side(b, labelB),
      gutter: true,
      highlightChanges: true,
      collapseUnchanged: onlyChanges ? { margin: 3, minSize: 6 } : undefined,
    });
    return () => view.destroy();
  }, [a, b, labelA, labelB, onlyChanges]);
  return host;
}
