import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Alias } from 'yaml';
import { parseGoDuration } from './duration';
import { indexPath, joinPath } from './issues';
import type { IssueSink, Where } from './issues';
import type { Suggester } from './suggest';
import { keyText, nodePos } from './yaml-source';

/** A value and where it came from, so later checks can point at it. */
export interface Val<T> {
  readonly v: T;
  readonly at: Where;
}

/** undefined: absent (or null in YAML); null: present but invalid, already reported. */
export type Field<T> = Val<T> | null | undefined;

/** Shared state of one schema walk. */
export interface ReadCtx {
  readonly resolveAlias: (alias: Alias) => unknown;
  readonly sink: IssueSink;
  readonly suggest: Suggester;
  /** Node visits left; aliases can make a small file expand enormously (billion laughs). */
  budget: number;
  exhausted: boolean;
}

/** One key of a YAML map with its (alias-resolved) value. */
export interface Entry {
  readonly key: string;
  readonly keyAt: Where;
  readonly node: unknown;
  /** The value's position, or the key's when the value is empty. */
  readonly at: Where;
}

/** Resolves an alias to its anchored node and charges the visit budget. */
export function deref(ctx: ReadCtx, node: unknown, at: Where): unknown {
  if (ctx.exhausted) return null;
  if (--ctx.budget < 0) {
    ctx.exhausted = true;
    ctx.sink.add('parse', at, 'aliases expand to too many nodes (alias bomb?); not reading further');
    return null;
  }
  return isAlias(node) ? ctx.resolveAlias(node) : node;
}

/** Returns true for a missing value, `~`, `null` or an empty value. */
export function isNullish(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** Describes a node's type for "expected X, got Y" messages. */
export function describe(node: unknown): string {
  if (isNullish(node)) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
    if (typeof v === 'number') return `the number ${node.source ?? v}`;
    if (typeof v === 'boolean') return `the boolean ${v}`;
  }
  return 'an unsupported value';
}

/** Lists a map's entries; an empty value counts as an empty map; anything else is a parse error. */
export function mapEntries(ctx: ReadCtx, node: unknown, at: Where, what: string): Entry[] | null {
  if (isNullish(node)) return [];
  if (!isMap(node)) {
    ctx.sink.add('parse', at, `expected ${what} (a map), got ${describe(node)}`);
    return null;
  }
  const out: Entry[] = [];
  for (const pair of node.items) {
    const key = keyText(pair.key);
    const keyAt = { path: at.path, pos: nodePos(pair.key, nodePos(pair.value, at.pos)) };
    if (key === null) {
      ctx.sink.add('parse', keyAt, `expected a name as the key, got ${describe(pair.key)}`);
      continue;
    }
    const path = joinPath(at.path, key);
    const value = deref(ctx, pair.value, { path, pos: keyAt.pos });
    const valuePos = isNullish(value) ? keyAt.pos : nodePos(pair.value, keyAt.pos);
    out.push({ key, keyAt: { path, pos: keyAt.pos }, node: value, at: { path, pos: valuePos } });
  }
  return out;
}

/** Lists a sequence's items; an empty value counts as an empty list. */
export function seqItems(ctx: ReadCtx, node: unknown, at: Where, what: string): { node: unknown; at: Where }[] | null {
  if (isNullish(node)) return [];
  if (!isSeq(node)) {
    ctx.sink.add('parse', at, `expected ${what} (a list), got ${describe(node)}`);
    return null;
  }
  return node.items.map((item, i) => {
    const itemAt = { path: indexPath(at.path, i), pos: nodePos(item, at.pos) };
    return { node: deref(ctx, item, itemAt), at: itemAt };
  });
}

/**
 * Keeps the allowed keys (first occurrence) and reports every other key with a suggestion. A
 * misspelled key then stands in for the key it resembles (when that one is absent): its value is
 * still checked, and the key is not reported as missing as well. The file stays invalid either way.
 */
export function pickKeys(ctx: ReadCtx, entries: readonly Entry[], allowed: readonly string[], what: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const misspelled: Entry[] = [];
  for (const e of entries) {
    if (allowed.includes(e.key)) {
      if (!out.has(e.key)) out.set(e.key, e);
    } else if (e.key === '<<') {
      ctx.sink.add('parse', e.keyAt, 'merge keys (<<) are not supported; repeat the keys instead');
    } else {
      const best = ctx.suggest.closest(e.key, allowed);
      const hint = best !== null ? ` (did you mean "${best}"?)` : allowed.length > 0 ? ` (valid: ${allowed.join(', ')})` : '';
      ctx.sink.add('parse', e.keyAt, `unknown key "${e.key}" in ${what}${hint}`);
      if (best !== null) misspelled.push({ ...e, key: best });
    }
  }
  for (const m of misspelled) if (!out.has(m.key)) out.set(m.key, m);
  return out;
}

type Reader<T> = (ctx: ReadCtx, e: Entry) => Val<T> | null;

/** Reads one optional field of a picked map with `read`; absent and empty values give undefined. */
export function field<T>(ctx: ReadCtx, keys: Map<string, Entry>, key: string, read: Reader<T>): Field<T> {
  const e = keys.get(key);
  if (!e || isNullish(e.node)) return undefined;
  return read(ctx, e);
}

function wrong(ctx: ReadCtx, e: Entry, expected: string, hint = ''): null {
  ctx.sink.add('parse', e.at, `expected ${expected}, got ${describe(e.node)}${hint}`);
  return null;
}

/** Reads a string scalar. */
export const readString: Reader<string> = (ctx, e) =>
  isScalar(e.node) && typeof e.node.value === 'string' ? { v: e.node.value, at: e.at } : wrong(ctx, e, 'a string', ' (quote it)');

/** Reads an integer written as one (`80`, not `80.0` or `"80"`). */
export const readInt: Reader<number> = (ctx, e) => {
  const n = e.node;
  if (isScalar(n) && typeof n.value === 'number' && Number.isSafeInteger(n.value) && !/[.eE]/.test(n.source ?? '')) {
    return { v: n.value, at: e.at };
  }
  const quoted = isScalar(n) && typeof n.value === 'string' && /^-?\d+$/.test(n.value);
  return wrong(ctx, e, 'an integer', quoted ? ' (remove the quotes)' : '');
};

/** Reads a YAML 1.2 boolean (`true`/`false`). */
export const readBool: Reader<boolean> = (ctx, e) =>
  isScalar(e.node) && typeof e.node.value === 'boolean' ? { v: e.node.value, at: e.at } : wrong(ctx, e, 'true or false');

/** Reads a Go-syntax duration string into milliseconds; bare numbers are refused. */
export const readDuration: Reader<number> = (ctx, e) => {
  const n = e.node;
  if (isScalar(n) && typeof n.value === 'number') {
    ctx.sink.add('parse', e.at, `bare number ${n.source ?? n.value} is not a duration: add a unit, e.g. "${n.source ?? n.value}s" or "${n.source ?? n.value}ms"`);
    return null;
  }
  if (!isScalar(n) || typeof n.value !== 'string') return wrong(ctx, e, 'a duration such as "2s"');
  const d = parseGoDuration(n.value);
  if (!d.ok) {
    ctx.sink.add('parse', e.at, d.message);
    return null;
  }
  return { v: d.ms, at: e.at };
};

/** Creates a reader for a string restricted to `values`, with a suggestion for near misses. */
export function readEnum<T extends string>(values: readonly T[], what: string): Reader<T> {
  return (ctx, e) => {
    const s = readString(ctx, e);
    if (!s) return null;
    if ((values as readonly string[]).includes(s.v)) return s as Val<T>;
    const hint = ctx.suggest.hint(s.v, values) || ` (expected one of ${values.join(', ')})`;
    ctx.sink.add('parse', e.at, `unknown ${what} "${s.v}"${hint}`);
    return null;
  };
}
