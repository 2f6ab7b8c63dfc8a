/**
 * Renders an edited yaml Document back into its original text, changing only what the edit
 * touched: a changed scalar is replaced in place; a replaced value is rendered where the old one
 * was; a block collection whose items changed is reassembled from the original text of the items
 * it kept (comments and spacing included) plus rendered new items. The caller snapshots the
 * document before editing (`snapshot`) and verifies the result; anything this cannot express
 * throws CannotSplice and the caller re-renders the whole document instead.
 */
import { YAMLMap, YAMLSeq, isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Pair } from 'yaml';
import { CannotSplice, reindent, renderBlock, renderInline } from './yaml-style';
import type { YamlStyle } from './yaml-style';

/** Where an item of a block collection is in the original text: whole lines, plus its indent. */
interface Region {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  /** The region begins mid-line (`- name: x`: the map's first key follows the dash). */
  readonly midLine: boolean;
}

interface CollectionSnap {
  readonly items: readonly unknown[];
  readonly flow: boolean;
  /** Null for flow collections and for block ones whose layout is not understood. */
  readonly region: Region | null;
}

/** The document as it was before the edit, by node identity. */
export interface Snapshot {
  readonly text: string;
  readonly collections: Map<object, CollectionSnap>;
  readonly pairs: Map<object, { readonly key: unknown; readonly value: unknown }>;
  readonly scalars: Map<object, { readonly value: unknown; readonly type: unknown }>;
  readonly regions: Map<object, Region>;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const lineStart = (text: string, pos: number): number => text.lastIndexOf('\n', pos - 1) + 1;
const lineEnd = (text: string, pos: number): number => {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
};
const rangeOf = (node: unknown): [number, number] | null => {
  const r = isNode(node) ? node.range : null;
  return r ? [r[0], r[1]] : null;
};

/** Records every node of the document, with the text regions of block collection items. */
export function snapshot(text: string, doc: Document.Parsed): Snapshot {
  const snap: Snapshot = { text, collections: new Map(), pairs: new Map(), scalars: new Map(), regions: new Map() };
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isScalar(node)) snap.scalars.set(node, { value: node.value, type: node.type });
    if (!isCollection(node)) continue;
    const flow = node.flow === true || (node.range ? /^[[{]/.test(text.slice(node.range[0], node.range[0] + 1)) : false);
    const region = flow ? null : blockRegions(text, node.items, isSeq(node), snap.regions);
    snap.collections.set(node, { items: [...node.items], flow, region });
    for (const item of node.items) {
      if (isPair(item)) {
        snap.pairs.set(item, { key: item.key, value: item.value });
        stack.push(item.key, item.value);
      } else stack.push(item);
    }
  }
  return snap;
}

function itemStart(text: string, item: unknown, seq: boolean): number | null {
  const r = rangeOf(isPair(item) ? item.key : item);
  if (!r) return null;
  if (!seq) return r[0];
  const dash = text.lastIndexOf('-', r[0] - 1);
  if (dash < 0 || !/^[ \t]*$/.test(text.slice(dash + 1, r[0]))) return null;
  return dash;
}

function itemEnd(item: unknown): number | null {
  if (!isPair(item)) return rangeOf(item)?.[1] ?? null;
  const k = rangeOf(item.key);
  const v = rangeOf(item.value);
  if (!k) return null;
  return Math.max(k[1], v?.[1] ?? 0);
}

function blockRegions(text: string, items: readonly unknown[], seq: boolean, out: Map<object, Region>): Region | null {
  const starts = items.map((it) => itemStart(text, it, seq));
  const ends = items.map(itemEnd);
  const first = starts[0];
  if (first === undefined || first === null || starts.some((s) => s === null) || ends.some((e) => e === null)) return null;
  const ls = lineStart(text, first);
  const midLine = !/^[ \t]*$/.test(text.slice(ls, first));
  const indent = first - ls;
  let start = midLine ? first : ls;
  const collStart = start;
  for (let i = 0; i < items.length; i++) {
    const end = lineEnd(text, ends[i] as number);
    out.set(items[i] as object, { start, end, indent, midLine: midLine && i === 0 });
    start = end;
  }
  return { start: collStart, end: start, indent, midLine };
}

/** Returns the document text with the edit applied, touching only the edited regions. */
export function splice(snap: Snapshot, doc: Document, style: YamlStyle): string {
  const edits = doc.contents === null ? [] : patchNode(snap, doc.contents, style);
  return applyEdits(snap.text, edits, 0);
}

function applyEdits(text: string, edits: readonly Edit[], offset: number): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = offset;
  for (const e of sorted) {
    if (e.start < at) throw new CannotSplice('overlapping edits');
    out += text.slice(at - offset, e.start - offset) + e.text;
    at = e.end;
  }
  return out + text.slice(at - offset);
}

function patchNode(snap: Snapshot, node: unknown, style: YamlStyle): Edit[] {
  if (isScalar(node)) {
    const before = snap.scalars.get(node);
    const r = rangeOf(node);
    if (!before || !r) throw new CannotSplice('scalar without a position');
    if (before.value === node.value && before.type === node.type) return [];
    return [{ start: r[0], end: r[1], text: renderInline(node, style) }];
  }
  if (isAlias(node) || !isCollection(node)) return [];
  const before = snap.collections.get(node);
  if (!before) throw new CannotSplice('collection without a snapshot');
  const same = before.items.length === node.items.length && before.items.every((x, i) => x === node.items[i]);
  if (!same) return [rebuild(snap, node, before, style)];
  return node.items.flatMap((item) => (isPair(item) ? patchPair(snap, item, before, style) : patchNode(snap, item, style)));
}

function patchPair(snap: Snapshot, pair: Pair, parent: CollectionSnap, style: YamlStyle): Edit[] {
  const before = snap.pairs.get(pair);
  if (!before) throw new CannotSplice('pair without a snapshot');
  const edits: Edit[] = [];
  if (pair.key !== before.key) {
    const r = rangeOf(before.key);
    if (!r) throw new CannotSplice('replaced key without a position');
    edits.push({ start: r[0], end: r[1], text: renderInline(pair.key, style) });
  } else edits.push(...patchNode(snap, pair.key, style));
  if (pair.value !== before.value) edits.push(replaceValue(snap, pair, before.value, parent, style));
  else edits.push(...patchNode(snap, pair.value, style));
  return edits;
}

function replaceValue(snap: Snapshot, pair: Pair, old: unknown, parent: CollectionSnap, style: YamlStyle): Edit {
  const r = rangeOf(old);
  if (!r) throw new CannotSplice('replaced value without a position');
  const text = snap.text;
  let start = r[0];
  while (start > 0 && /\s/.test(text[start - 1] ?? '')) start--;
  if (text[start - 1] !== ':') throw new CannotSplice('no ":" before the value');
  const oldBlock = isCollection(old) && !snap.collections.get(old)?.flow;
  const end = oldBlock && text[r[1] - 1] === '\n' ? r[1] - 1 : r[1];
  const v = pair.value;
  const asBlock = isCollection(v) && !v.flow && v.items.length > 0 && !parent.flow;
  if (!asBlock) return { start, end, text: ' ' + renderInline(v, style) };
  const indent = (snap.regions.get(pair)?.indent ?? 0) + style.indent;
  return { start, end, text: '\n' + renderBlock(v, indent, style).replace(/\n$/, '') };
}

/** Re-renders a collection whose items were added, removed, reordered or moved in. */
function rebuild(snap: Snapshot, node: { items: unknown[] } & object, before: CollectionSnap, style: YamlStyle): Edit {
  const r = rangeOf(node);
  if (before.flow || node.items.length === 0 || !before.region) {
    if (!r) throw new CannotSplice('collection without a position');
    if (before.flow) return { start: r[0], end: r[1], text: renderInline(node, style) };
    return emptyBlock(snap, node, before);
  }
  const region = before.region;
  const seq = isSeq(node);
  let out = '';
  for (const item of node.items) {
    const from = isNode(item) || isPair(item) ? snap.regions.get(item) : undefined;
    if (!from) {
      out += renderBlock(wrap(item, seq), region.indent, style);
      continue;
    }
    const inner = isPair(item) ? patchPair(snap, item, before, style) : patchNode(snap, item, style);
    let piece = applyEdits(snap.text.slice(from.start, from.end), inner, from.start);
    if (from.midLine) piece = ' '.repeat(from.indent) + piece;
    if (!piece.endsWith('\n')) piece += '\n';
    out += reindent(piece, from.indent, region.indent);
  }
  if (region.midLine) out = out.trimStart();
  if (!snap.text.slice(region.start, region.end).endsWith('\n')) out = out.replace(/\n$/, '');
  return { start: region.start, end: region.end, text: out };
}

/** Puts one new item in a collection of its own, to render it like a member of a block collection. */
function wrap(item: unknown, seq: boolean): unknown {
  if (seq) {
    const s = new YAMLSeq();
    s.items.push(item);
    return s;
  }
  if (!isPair(item)) throw new CannotSplice('map item that is not a pair');
  const m = new YAMLMap();
  m.items.push(item);
  return m;
}

/** A block collection that lost its last item becomes `{}` or `[]` after its key. */
function emptyBlock(snap: Snapshot, node: object, before: CollectionSnap): Edit {
  const region = before.region;
  if (!region) throw new CannotSplice('empty block collection without a region');
  let start = region.start;
  while (start > 0 && /\s/.test(snap.text[start - 1] ?? '')) start--;
  if (snap.text[start - 1] !== ':' && snap.text[start - 1] !== '-') throw new CannotSplice('no ":" before the collection');
  const end = snap.text[region.end - 1] === '\n' ? region.end - 1 : region.end;
  return { start, end, text: isMap(node) ? ' {}' : ' []' };
}
