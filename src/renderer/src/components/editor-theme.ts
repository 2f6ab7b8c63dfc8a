import { EditorView } from '@codemirror/view';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

// Colours are CSS variables (styles.css), so one extension serves both themes and follows the toggle
// without rebuilding the editor. CodeMirror's default style is made for light pages only.
const yamlStyle = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: 'var(--cm-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--cm-string)' },
  { tag: tags.lineComment, color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [tags.labelName, tags.typeName, tags.keyword], color: 'var(--cm-special)' },
  { tag: [tags.separator, tags.meta], color: 'var(--muted)' },
]);

const chrome = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--panel)' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cm-active-line)', color: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--cm-selection)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel-2)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-panels': { backgroundColor: 'var(--panel-2)', color: 'var(--text)' },
  '.cm-searchMatch': { backgroundColor: 'var(--flash)' },
  // The config history's side-by-side diff (@codemirror/merge): its own 8% tints are too faint to scan
  // during an incident.
  '&.cm-merge-a .cm-changedLine': { backgroundColor: 'color-mix(in srgb, var(--down) 16%, transparent)' },
  '&.cm-merge-b .cm-changedLine': { backgroundColor: 'color-mix(in srgb, var(--up) 16%, transparent)' },
  '&.cm-merge-a .cm-changedText': { background: 'color-mix(in srgb, var(--down) 38%, transparent)' },
  '&.cm-merge-b .cm-changedText': { background: 'color-mix(in srgb, var(--up) 38%, transparent)' },
  '.cm-collapsedLines': { color: 'var(--muted)', background: 'var(--panel-2)' },
  // The default ⦚ marks are missing from common Linux fonts and render as boxes.
  '.cm-collapsedLines:before': { content: '"↕"' },
  '.cm-collapsedLines:after': { content: '""' },
});

/** Returns the YAML editors' look (config editor, history diff): theme-aware chrome and colours readable on dark and light. */
export function editorTheme() {
  return [chrome, syntaxHighlighting(yamlStyle)];
}
