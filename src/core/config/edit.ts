import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { CodedError, err, ok } from '../util';
import type { AppError, Result } from '../util';
import { snapshot, splice } from './yaml-splice';
import { CannotSplice, detectStyle, toStringOptions } from './yaml-style';

/** The edited text, or why the edit could not be made (`YAML_INVALID`, `NOT_FOUND`, `INVALID_ARGUMENT`). */
export type EditResult = Result<string, AppError>;

/** A YAML path: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** Thrown inside an edit callback to refuse the edit with a code; becomes an error result. */
export class EditError extends CodedError {}

/**
 * Applies `edit` to the parsed document and returns the new text, keeping comments, key order
 * and formatting outside the nodes the edit touched. The splice is verified by re-parsing: if it
 * does not yield exactly the edited data, the whole document is re-rendered instead (still
 * correct and commented, only reformatted). Text with YAML errors is refused.
 */
export function editConfigText(text: string, edit: (doc: Document) => void): EditResult {
  // Edit in LF and restore CRLF afterwards, so that rendered lines match the file's line endings.
  if (text.includes('\r\n')) {
    const r = editLf(text.replace(/\r\n/g, '\n'), edit);
    return r.ok ? ok(r.value.replace(/\n/g, '\r\n')) : r;
  }
  return editLf(text, edit);
}

function editLf(text: string, edit: (doc: Document) => void): EditResult {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    return err({ code: 'YAML_INVALID', message: `the text has YAML errors; fix them first: ${doc.errors[0]?.message ?? ''}` });
  }
  try {
    const style = detectStyle(text, doc);
    const snap = snapshot(text, doc);
    edit(doc);
    const expected = toData(doc);
    try {
      const out = splice(snap, doc, style);
      if (sameData(toData(parseDocument(out, { uniqueKeys: false })), expected)) return ok(out);
    } catch (e) {
      if (!(e instanceof CannotSplice)) throw e;
    }
    return ok(doc.toString(toStringOptions(style)));
  } catch (e) {
    if (e instanceof CodedError) return err({ code: e.code, message: e.message });
    return err({ code: 'INVALID_ARGUMENT', message: e instanceof Error ? e.message : String(e) });
  }
}

function toData(doc: Document): unknown {
  return doc.toJS({ maxAliasCount: 10_000 });
}

/** Structural equality of plain YAML data (objects, arrays, scalars). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Sets the value at `path`, creating missing maps on the way. */
export function setIn(text: string, path: YamlPath, value: unknown): EditResult {
  return editConfigText(text, (doc) => doc.setIn(path, value));
}

/** Deletes the entry at `path`; NOT_FOUND when there is none. */
export function deleteIn(text: string, path: YamlPath): EditResult {
  return editConfigText(text, (doc) => {
    if (!doc.hasIn(path)) throw new EditError('NOT_FOUND', `nothing at ${path.join('.')}`);
    doc.deleteIn(path);
  });
}

/** Renames the map key at `path` in place (same position, same value). */
export function renameKey(text: string, path: YamlPath, newKey: string): EditResult {
  return editConfigText(text, (doc) => renameIn(doc, path, newKey));
}

function renameIn(doc: Document, path: YamlPath, newKey: string): void {
  const parent = doc.getIn(path.slice(0, -1), true);
  const key = path[path.length - 1];
  if (!isMap(parent)) throw new EditError('NOT_FOUND', `no map at ${path.slice(0, -1).join('.')}`);
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
  if (!pair || !isScalar(pair.key)) throw new EditError('NOT_FOUND', `no key "${String(key)}" at ${path.slice(0, -1).join('.')}`);
  if (parent.has(newKey)) throw new EditError('INVALID_ARGUMENT', `"${newKey}" already exists at ${path.slice(0, -1).join('.')}`);
  pair.key.value = newKey;
}

/** Returns the pool's backends map (created when the pool has none). */
export function poolBackends(doc: Document, frontend: string, pool: string): YAMLMap {
  const pools = doc.getIn(['maglev', 'frontends', frontend, 'pools'], true);
  if (!isSeq(pools)) throw new EditError('NOT_FOUND', `no frontend "${frontend}" with pools`);
  const p = pools.items.find((x) => isMap(x) && x.get('name') === pool);
  if (!isMap(p)) throw new EditError('NOT_FOUND', `frontend "${frontend}" has no pool "${pool}"`);
  const backends = p.get('backends', true);
  if (isMap(backends)) return backends;
  const created = doc.createNode({}) as YAMLMap;
  created.flow = true;
  p.set('backends', created);
  return created;
}

/** Sets one pool member's configured weight (0-100). */
export function setPoolWeight(text: string, frontend: string, pool: string, backend: string, weight: number): EditResult {
  if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
    return err({ code: 'INVALID_ARGUMENT', message: `weight ${weight} out of range (0-100)` });
  }
  return editConfigText(text, (doc) => {
    const members = poolBackends(doc, frontend, pool);
    const member = members.get(backend, true);
    if (member === undefined) throw new EditError('NOT_FOUND', `pool "${pool}" of "${frontend}" has no backend "${backend}"`);
    if (isMap(member)) member.set('weight', weight);
    else {
      const m = doc.createNode({ weight }) as YAMLMap;
      m.flow = true;
      members.set(backend, m);
    }
  });
}

/** Moves a backend from one pool of a frontend to another, keeping its weight and comments. */
export function movePoolMember(text: string, frontend: string, fromPool: string, toPool: string, backend: string): EditResult {
  return editConfigText(text, (doc) => {
    const from = poolBackends(doc, frontend, fromPool);
    const to = poolBackends(doc, frontend, toPool);
    const i = from.items.findIndex((p) => isScalar(p.key) && p.key.value === backend);
    if (i < 0) throw new EditError('NOT_FOUND', `pool "${fromPool}" of "${frontend}" has no backend "${backend}"`);
    if (to.has(backend)) throw new EditError('INVALID_ARGUMENT', `pool "${toPool}" already has "${backend}"`);
    const [pair] = from.items.splice(i, 1);
    if (pair) to.items.push(pair);
  });
}

/** Renames a backend and every pool reference to it. */
export function renameBackend(text: string, oldName: string, newName: string): EditResult {
  return editConfigText(text, (doc) => {
    renameIn(doc, ['maglev', 'backends', oldName], newName);
    const frontends = doc.getIn(['maglev', 'frontends'], true);
    for (const f of isMap(frontends) ? frontends.items : []) {
      const pools = isMap(f.value) ? f.value.get('pools', true) : null;
      for (const p of isSeq(pools) ? pools.items : []) {
        const members = isMap(p) ? p.get('backends', true) : null;
        const pair = isMap(members) ? members.items.find((m) => isScalar(m.key) && m.key.value === oldName) : undefined;
        if (pair && isScalar(pair.key)) pair.key.value = newName;
      }
    }
  });
}

/** Renames a healthcheck and every backend's reference to it. */
export function renameHealthCheck(text: string, oldName: string, newName: string): EditResult {
  return editConfigText(text, (doc) => {
    renameIn(doc, ['maglev', 'healthchecks', oldName], newName);
    const backends = doc.getIn(['maglev', 'backends'], true);
    for (const b of isMap(backends) ? backends.items : []) {
      const ref = isMap(b.value) ? b.value.get('healthcheck', true) : null;
      if (isScalar(ref) && ref.value === oldName) ref.value = newName;
    }
  });
}
