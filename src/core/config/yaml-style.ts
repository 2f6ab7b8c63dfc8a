import { Document, isCollection, isMap, isNode, isPair, isScalar, isSeq, visit } from 'yaml';
import type { ToStringOptions } from 'yaml';

/** How a file is laid out, so that rendered nodes look like their neighbours. */
export interface YamlStyle {
  /** Spaces per nesting level. */
  readonly indent: number;
  /** Whether `- item` lines are indented under their key. */
  readonly indentSeq: boolean;
  /** Whether flow collections are written `{ a: 1 }` rather than `{a: 1}`. */
  readonly flowPadding: boolean;
}

/** Thrown when a node cannot be rendered in place; the caller falls back to a full re-render. */
export class CannotSplice extends Error {}

const column = (text: string, pos: number): number => pos - (text.lastIndexOf('\n', pos - 1) + 1);

/** Detects the indentation and spacing a document already uses (defaults: 2, indented seqs, padded flows). */
export function detectStyle(text: string, doc: Document.Parsed): YamlStyle {
  let indent: number | null = null;
  let indentSeq: boolean | null = null;
  let flowPadding: boolean | null = null;
  visit(doc, {
    Pair(_k, pair, path) {
      const parent = path[path.length - 1];
      if (!isMap(parent) || parent.flow || !isNode(pair.key) || !pair.key.range) return;
      const keyCol = column(text, pair.key.range[0]);
      const v = pair.value;
      if (indent === null && isMap(v) && !v.flow && isPair(v.items[0]) && isNode(v.items[0].key) && v.items[0].key.range) {
        const d = column(text, v.items[0].key.range[0]) - keyCol;
        if (d > 0) indent = d;
      }
      if (indentSeq === null && isSeq(v) && !v.flow && v.range) indentSeq = column(text, v.range[0]) > keyCol;
    },
    Node(_k, node) {
      if (flowPadding === null && isCollection(node) && node.flow && node.items.length > 0 && node.range) {
        flowPadding = text[node.range[0] + 1] === ' ';
      }
    },
  });
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true, flowPadding: flowPadding ?? true };
}

/** Returns yaml's stringify options for this style (no line folding: long values stay on one line). */
export function toStringOptions(style: YamlStyle): ToStringOptions {
  return { indent: style.indent, indentSeq: style.indentSeq, flowCollectionPadding: style.flowPadding, lineWidth: 0 };
}

function render(value: unknown, style: YamlStyle): string {
  const doc = new Document();
  doc.contents = isNode(value) ? value : (doc.createNode(value) as typeof doc.contents);
  return doc.toString(toStringOptions(style));
}

/** Renders a value on one line (collections in flow style); throws CannotSplice if it needs more. */
export function renderInline(value: unknown, style: YamlStyle): string {
  if (isCollection(value)) value.flow = true;
  // A node's own comments stay where they are in the text (a flow map's trailing `# ...` lies after its
  // range): only the value itself is replaced, or it would be written twice.
  const bare =
    isScalar(value) || isCollection(value)
      ? Object.assign(value.clone(), { comment: undefined, commentBefore: undefined, spaceBefore: false })
      : value;
  const out = render(bare, style).replace(/\n$/, '');
  if (out.includes('\n')) throw new CannotSplice('value does not fit on one line');
  return out;
}

/** Renders a value as block lines indented by `indent` spaces, each line ending in a newline. */
export function renderBlock(value: unknown, indent: number, style: YamlStyle): string {
  return reindent(render(value, style), 0, indent);
}

/** Shifts every non-empty line of `text` from indentation `from` to `to`. */
export function reindent(text: string, from: number, to: number): string {
  if (from === to) return text;
  const pad = ' '.repeat(Math.max(0, to - from));
  const cut = Math.max(0, from - to);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : cut > 0 ? line.slice(Math.min(cut, line.length - line.trimStart().length)) : pad + line))
    .join('\n');
}
