import { EditorView } from '@codemirror/view';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

// Colours are the app's CSS variables (styles.css), so the diff follows the theme toggle without a
// rebuild. @codemirror/merge's own change colours (8% tints) are too faint to scan during an incident.
const yamlStyle = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: 'var(--cm-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--cm-string)' },
  { tag: tags.lineComment, color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [tags.labelName, tags.typeName, tags.keyword], color: 'var(--cm-special)' },
  { tag: [tags.separator, tags.meta], color: 'var(--muted)' },
]);

const chrome = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--panel)' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--cm-selection)' },
  '&.cm-merge-a .cm-changedLine': { backgroundColor: 'color-mix(in srgb, var(--down) 16%, transparent)' },
  '&.cm-merge-b .cm-changedLine': { backgroundColor: 'color-mix(in srgb, var(--up) 16%, transparent)' },
  '&.cm-merge-a .cm-changedText': { background: 'color-mix(in srgb, var(--down) 38%, transparent)' },
  '&.cm-merge-b .cm-changedText': { background: 'color-mix(in srgb, var(--up) 38%, transparent)' },
  '.cm-collapsedLines': { color: 'var(--muted)', background: 'var(--panel-2)' },
  // The default ⦚ marks are missing from common Linux fonts and render as boxes.
  '.cm-collapsedLines:before': { content: '"↕"' },
  '.cm-collapsedLines:after': { content: '""' },
});

/** Returns the diff editors' look: theme-aware chrome, change tints and YAML colours. */
export function mergeTheme() {
  return [chrome, syntaxHighlighting(yamlStyle)];
}
