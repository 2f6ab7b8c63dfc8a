import { isAlias, isCollection, isMap, isNode, isPair, isScalar, parseDocument } from 'yaml';
import type { Alias, Document, Node as YamlNode } from 'yaml';
import { indexPath, joinPath } from './issues';
import type { IssueSink } from './issues';

/** Larger files are refused before parsing: 100,000 backends are ≈ 9 MB, so this leaves ample room. */
export const MAX_CONFIG_CHARS = 64 * 1024 * 1024;
/**
 * Longer lines are refused: no real config has one, and the yaml package needs seconds for one
 * multi-megabyte quoted scalar (a cheap way to stall a daemon).
 */
export const MAX_LINE_CHARS = 64 * 1024;
/** Only this many YAML syntax errors are listed; after the first few they are mostly echoes. */
const MAX_SYNTAX_ERRORS = 100;
/** Characters YAML forbids (outside c-printable); their presence usually means a binary file. */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAX_FORBIDDEN_REPORTED = 10;

type LineOf = (pos: number) => { line: number; col: number };

/** The parsed document and what the schema walk needs from the first pass. */
export interface ParsedSource {
  /** Null when the text was refused before parsing (too large, binary). */
  readonly doc: Document.Parsed | null;
  /** Nodes in the document (aliases not followed): sizes the alias-expansion budget. */
  readonly nodeCount: number;
  /**
   * Resolves an alias to its anchored node in O(log n). The yaml package's `Alias.resolve` walks
   * the whole document on every call, which makes alias-heavy files quadratic.
   */
  readonly resolveAlias: (alias: Alias) => unknown;
}

/** Returns a map key as the user wrote it (`80`, `1.0`, `web-a`), or null for a non-scalar key. */
export function keyText(key: unknown): string | null {
  if (!isScalar(key)) return null;
  if (typeof key.value === 'string') return key.value;
  if (typeof key.source === 'string' && key.source !== '') return key.source;
  return key.value === null ? null : String(key.value);
}

/** Returns the start offset of a node, or `fallback` when it has no position. */
export function nodePos(node: unknown, fallback = 0): number {
  return (node as YamlNode | null)?.range?.[0] ?? fallback;
}

/**
 * Parses YAML keeping positions. `uniqueKeys: false` because the library's duplicate check is
 * quadratic in the keys of one map (20,000 backends ≈ 7 s, a denial of service by config file);
 * duplicates are found by `reportDuplicateKeys` in one linear pass instead. Aliases are not
 * expanded here (`maxAliasCount` is a `toJS` option in yaml 2.x, not a parse option): the schema
 * walk charges every alias it follows to a budget, and the editing helpers pass `maxAliasCount`
 * to the one `toJS` they call.
 */
export function parseSource(text: string, sink: IssueSink, lineOf: LineOf): ParsedSource {
  if (text.length > MAX_CONFIG_CHARS) {
    sink.add('parse', { path: '', pos: 0 }, `file too large (${text.length} characters; the limit is ${MAX_CONFIG_CHARS})`);
    return REFUSED;
  }
  if (reportForbiddenCharacters(text, sink) || reportLongLine(text, sink)) return REFUSED;
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  reportYamlErrors(doc, sink);
  const anchors = new Map<string, { pos: number; node: unknown }[]>();
  const nodeCount = reportDuplicateKeys(doc, sink, lineOf, anchors);
  for (const list of anchors.values()) list.sort((a, b) => a.pos - b.pos);
  return { doc, nodeCount, resolveAlias: (alias) => resolveAlias(anchors, alias) };
}

const REFUSED: ParsedSource = { doc: null, nodeCount: 0, resolveAlias: () => null };

/** An alias refers to the closest preceding node with its anchor (YAML 1.2 §3.2.2.2). */
function resolveAlias(anchors: ReadonlyMap<string, readonly { pos: number; node: unknown }[]>, alias: Alias): unknown {
  const list = anchors.get(alias.source);
  const at = nodePos(alias);
  if (!list) return null;
  let lo = 0;
  let hi = list.length - 1;
  let found: unknown = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = list[mid] as { pos: number; node: unknown };
    if (e.pos < at) {
      found = e.node;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function reportLongLine(text: string, sink: IssueSink): boolean {
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > MAX_LINE_CHARS) {
      sink.add('parse', { path: '', pos: start + MAX_LINE_CHARS }, `line too long (${end - start} characters; the limit is ${MAX_LINE_CHARS})`);
      return true;
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return false;
}

function reportForbiddenCharacters(text: string, sink: IssueSink): boolean {
  FORBIDDEN.lastIndex = 0;
  let found = 0;
  for (let m = FORBIDDEN.exec(text); m; m = FORBIDDEN.exec(text)) {
    if (found < MAX_FORBIDDEN_REPORTED) {
      const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      sink.add('parse', { path: '', pos: m.index }, `invalid character U+${code} (YAML is text; is this a binary file?)`);
    }
    found++;
  }
  if (found > MAX_FORBIDDEN_REPORTED) {
    sink.add('parse', { path: '', pos: text.length }, `${found - MAX_FORBIDDEN_REPORTED} more invalid characters not listed`);
  }
  return found > 0;
}

function reportYamlErrors(doc: Document.Parsed, sink: IssueSink): void {
  let listed = 0;
  let exhausted = false;
  for (const e of doc.errors) {
    if (e.code === 'RESOURCE_EXHAUSTION') {
      // The composer recurses per nesting level and catches its own stack overflow; one message is enough.
      if (!exhausted) sink.add('parse', { path: '', pos: e.pos[0] }, 'document nested too deeply');
      exhausted = true;
      continue;
    }
    if (listed++ < MAX_SYNTAX_ERRORS) sink.add('parse', { path: '', pos: e.pos[0] }, yamlMessage(e.message));
  }
  if (listed > MAX_SYNTAX_ERRORS) {
    sink.add('parse', { path: '', pos: doc.errors.at(-1)?.pos[0] ?? 0 }, `${listed - MAX_SYNTAX_ERRORS} more YAML syntax errors not listed`);
  }
  for (const w of doc.warnings) sink.add('warning', { path: '', pos: w.pos[0] }, yamlMessage(w.message));
}

function yamlMessage(message: string): string {
  const m = message.replace(/\s+/g, ' ').trim();
  return m.length > 200 ? `${m.slice(0, 200)}…` : m;
}

interface Frame {
  readonly node: unknown;
  readonly parent: Frame | null;
  readonly seg: string | number;
}

function framePath(f: Frame | null): string {
  const segs: (string | number)[] = [];
  for (let x = f; x; x = x.parent) segs.push(x.seg);
  let path = '';
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i];
    if (s === '' || s === undefined) continue;
    path = typeof s === 'number' ? indexPath(path, s) : joinPath(path, s);
  }
  return path;
}

/**
 * Reports every key that repeats within one map, at the repeat, in one pass over the whole
 * document, and collects the anchors on the way. Iterative, because a hostile file can nest
 * thousands of levels. Returns the node count.
 */
export function reportDuplicateKeys(
  doc: Document.Parsed,
  sink: IssueSink,
  lineOf: LineOf,
  anchors: Map<string, { pos: number; node: unknown }[]>,
): number {
  let count = 0;
  const stack: Frame[] = [{ node: doc.contents, parent: null, seg: '' }];
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    count++;
    const anchor = isNode(f.node) && !isAlias(f.node) ? f.node.anchor : undefined;
    if (anchor) {
      const list = anchors.get(anchor) ?? [];
      list.push({ pos: nodePos(f.node), node: f.node });
      anchors.set(anchor, list);
    }
    if (!isCollection(f.node) || isAlias(f.node)) continue;
    if (isMap(f.node)) {
      const seen = new Map<string, number>();
      for (const pair of f.node.items) {
        if (!isPair(pair)) continue;
        const k = keyText(pair.key);
        const pos = nodePos(pair.key);
        if (k !== null) {
          const first = seen.get(k);
          if (first === undefined) seen.set(k, pos);
          else sink.add('parse', { path: framePath({ node: null, parent: f, seg: k }), pos }, `duplicate key "${k}" (first defined on line ${lineOf(first).line})`);
        }
        count++;
        if (isCollection(pair.key)) stack.push({ node: pair.key, parent: f, seg: '?' });
        stack.push({ node: pair.value, parent: f, seg: k ?? '?' });
      }
    } else {
      f.node.items.forEach((item, i) => stack.push({ node: item, parent: f, seg: i }));
    }
  }
  return count;
}

