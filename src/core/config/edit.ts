import { parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { CodedError, err, ok } from '../util';
import type { AppError, Result } from '../util';
import { snapshot, splice } from './yaml-splice';
import { CannotSplice, detectStyle, toStringOptions } from './yaml-style';
import type { YamlPath } from './doc-edits';
import { deleteAt, moveMemberIn, renameBackendIn, renameHealthCheckIn, renameIn, setWeightIn } from './doc-edits';

/** The edited text, or why the edit could not be made (`YAML_INVALID`, `NOT_FOUND`, `INVALID_ARGUMENT`). */
export type EditResult = Result<string, AppError>;

export { EditError } from './doc-edits';
export type { YamlPath } from './doc-edits';

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
  return editConfigText(text, (doc) => deleteAt(doc, path));
}

/** Renames the map key at `path` in place (same position, same value). */
export function renameKey(text: string, path: YamlPath, newKey: string): EditResult {
  return editConfigText(text, (doc) => renameIn(doc, path, newKey));
}

/** Sets one pool member's configured weight (0-100). */
export function setPoolWeight(text: string, frontend: string, pool: string, backend: string, weight: number): EditResult {
  if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
    return err({ code: 'INVALID_ARGUMENT', message: `weight ${weight} out of range (0-100)` });
  }
  return editConfigText(text, (doc) => setWeightIn(doc, frontend, pool, backend, weight));
}

/** Moves a backend from one pool of a frontend to another, keeping its weight and comments. */
export function movePoolMember(text: string, frontend: string, fromPool: string, toPool: string, backend: string): EditResult {
  return editConfigText(text, (doc) => moveMemberIn(doc, frontend, fromPool, toPool, backend));
}

/** Renames a backend and every pool reference to it. */
export function renameBackend(text: string, oldName: string, newName: string): EditResult {
  return editConfigText(text, (doc) => renameBackendIn(doc, oldName, newName));
}

/** Renames a healthcheck and every backend's reference to it. */
export function renameHealthCheck(text: string, oldName: string, newName: string): EditResult {
  return editConfigText(text, (doc) => renameHealthCheckIn(doc, oldName, newName));
}
