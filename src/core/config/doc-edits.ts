/**
 * Edits of a parsed maglev.yaml `Document`, one function per change the editors make. They mutate
 * nodes in place (so that the splice in edit.ts rewrites only what changed) and refuse impossible
 * changes with an EditError whose message names the frontend, pool or backend concerned.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { CodedError } from '../util';

/** Thrown inside an edit to refuse it with a code (NOT_FOUND, INVALID_ARGUMENT); becomes an error result. */
export class EditError extends CodedError {}

/** A YAML path: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

const where = (path: YamlPath) => path.join('.');

/** The map at `path`, created (in the style of `like`, when given) when missing. */
function mapAt(doc: Document, path: YamlPath): YAMLMap {
  const node = doc.getIn(path, true);
  if (isMap(node)) return node;
  if (node !== undefined && node !== null && !(isScalar(node) && node.value === null)) {
    throw new EditError('INVALID_ARGUMENT', `${where(path)} is not a map`);
  }
  const created = doc.createNode({}) as YAMLMap;
  doc.setIn(path, created);
  return created;
}

/** A new map node that follows the flow/block style of the existing values of `parent`. */
function newValue(doc: Document, parent: YAMLMap, value: Record<string, unknown>): YAMLMap {
  const node = doc.createNode(value) as YAMLMap;
  const sibling = parent.items.find((p) => isMap(p.value))?.value as YAMLMap | undefined;
  node.flow = sibling ? sibling.flow === true : Object.keys(value).length <= 3;
  return node;
}

function pairIndex(map: YAMLMap, key: string): number {
  return map.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** Renames the map key at `path` in place (same position, same value). */
export function renameIn(doc: Document, path: YamlPath, newKey: string): void {
  const parent = doc.getIn(path.slice(0, -1), true);
  const key = String(path[path.length - 1]);
  if (!isMap(parent)) throw new EditError('NOT_FOUND', `no map at ${where(path.slice(0, -1))}`);
  const pair = parent.items[pairIndex(parent, key)];
  if (!pair || !isScalar(pair.key))
    throw new EditError('NOT_FOUND', `no key "${key}" at ${where(path.slice(0, -1))}`);
  if (key === newKey) return;
  if (parent.has(newKey))
    throw new EditError('INVALID_ARGUMENT', `"${newKey}" already exists at ${where(path.slice(0, -1))}`);
  pair.key.value = newKey;
}

/** Deletes the entry at `path`; NOT_FOUND when there is none. */
export function deleteAt(doc: Document, path: YamlPath): void {
  if (!doc.hasIn(path)) throw new EditError('NOT_FOUND', `nothing at ${where(path)}`);
  doc.deleteIn(path);
}

/** The pools sequence of a frontend. */
function poolsOf(doc: Document, frontend: string, create = false): YAMLSeq {
  const fe = doc.getIn(['maglev', 'frontends', frontend], true);
  if (!isMap(fe)) throw new EditError('NOT_FOUND', `no frontend "${frontend}"`);
  const pools = fe.get('pools', true);
  if (isSeq(pools)) return pools;
  if (!create) throw new EditError('NOT_FOUND', `frontend "${frontend}" has no pools`);
  const seq = doc.createNode([]) as YAMLSeq;
  fe.set('pools', seq);
  return seq;
}

function poolIndex(pools: YAMLSeq, pool: string): number {
  return pools.items.findIndex((x) => isMap(x) && x.get('name') === pool);
}

/** Returns the pool's backends map (created when the pool has none). */
export function poolBackends(doc: Document, frontend: string, pool: string): YAMLMap {
  const pools = poolsOf(doc, frontend);
  const p = pools.items[poolIndex(pools, pool)];
  if (!isMap(p)) throw new EditError('NOT_FOUND', `frontend "${frontend}" has no pool "${pool}"`);
  const backends = p.get('backends', true);
  if (isMap(backends)) return backends;
  const created = doc.createNode({}) as YAMLMap;
  created.flow = true;
  p.set('backends', created);
  return created;
}

function checkWeight(weight: number): void {
  if (!Number.isInteger(weight) || weight < 0 || weight > 100)
    throw new EditError('INVALID_ARGUMENT', `weight ${weight} out of range (0-100)`);
}

/** Sets one pool member's configured weight (0-100). */
export function setWeightIn(
  doc: Document,
  frontend: string,
  pool: string,
  backend: string,
  weight: number,
): void {
  checkWeight(weight);
  const members = poolBackends(doc, frontend, pool);
  const member = members.get(backend, true);
  if (member === undefined)
    throw new EditError('NOT_FOUND', `pool "${pool}" of "${frontend}" has no backend "${backend}"`);
  if (isMap(member)) member.set('weight', weight);
  else {
    const m = doc.createNode({ weight }) as YAMLMap;
    m.flow = true;
    members.set(backend, m);
  }
}

function insertAt<T>(items: T[], item: T, index: number | undefined): void {
  items.splice(index === undefined ? items.length : Math.min(Math.max(index, 0), items.length), 0, item);
}

/** Puts a backend into a pool at `index` (default: last). */
export function addMemberIn(
  doc: Document,
  frontend: string,
  pool: string,
  backend: string,
  weight?: number,
  index?: number,
): void {
  if (!isMap(doc.getIn(['maglev', 'backends', backend], true)))
    throw new EditError('NOT_FOUND', `no backend "${backend}"`);
  const members = poolBackends(doc, frontend, pool);
  if (members.has(backend))
    throw new EditError('INVALID_ARGUMENT', `pool "${pool}" of "${frontend}" already has "${backend}"`);
  if (weight !== undefined) checkWeight(weight);
  const value = doc.createNode(weight === undefined || weight === 100 ? {} : { weight }) as YAMLMap;
  value.flow = true;
  insertAt(members.items, doc.createPair(backend, value) as Pair, index);
}

/** Takes a backend out of a pool. */
export function removeMemberIn(doc: Document, frontend: string, pool: string, backend: string): void {
  const members = poolBackends(doc, frontend, pool);
  const i = pairIndex(members, backend);
  if (i < 0) throw new EditError('NOT_FOUND', `pool "${pool}" of "${frontend}" has no backend "${backend}"`);
  members.items.splice(i, 1);
}

/** Moves a backend between two pools of a frontend (or within one), keeping its weight and comments. */
export function moveMemberIn(
  doc: Document,
  frontend: string,
  fromPool: string,
  toPool: string,
  backend: string,
  index?: number,
): void {
  const from = poolBackends(doc, frontend, fromPool);
  const to = poolBackends(doc, frontend, toPool);
  const i = pairIndex(from, backend);
  if (i < 0)
    throw new EditError('NOT_FOUND', `pool "${fromPool}" of "${frontend}" has no backend "${backend}"`);
  if (from !== to && to.has(backend))
    throw new EditError('INVALID_ARGUMENT', `pool "${toPool}" already has "${backend}"`);
  const [pair] = from.items.splice(i, 1);
  if (pair) insertAt(to.items, pair, index);
}

/** Moves a pool to position `index` of its frontend's pools (pool order is failover order). */
export function movePoolIn(doc: Document, frontend: string, pool: string, index: number): void {
  const pools = poolsOf(doc, frontend);
  const i = poolIndex(pools, pool);
  if (i < 0) throw new EditError('NOT_FOUND', `frontend "${frontend}" has no pool "${pool}"`);
  const [node] = pools.items.splice(i, 1);
  insertAt(pools.items, node, index);
}

/** Appends an empty pool (a pool needs a backend before the config is valid again). */
export function addPoolIn(doc: Document, frontend: string, pool: string): void {
  const pools = poolsOf(doc, frontend, true);
  if (poolIndex(pools, pool) >= 0)
    throw new EditError('INVALID_ARGUMENT', `frontend "${frontend}" already has a pool "${pool}"`);
  const node = doc.createNode({ name: pool, backends: {} }) as YAMLMap;
  (node.get('backends', true) as unknown as YAMLMap).flow = true;
  pools.items.push(node);
}

/** Removes a pool of a frontend. */
export function removePoolIn(doc: Document, frontend: string, pool: string): void {
  const pools = poolsOf(doc, frontend);
  const i = poolIndex(pools, pool);
  if (i < 0) throw new EditError('NOT_FOUND', `frontend "${frontend}" has no pool "${pool}"`);
  pools.items.splice(i, 1);
}

/** Every pool member map of every frontend. */
function eachPoolMembers(doc: Document, fn: (members: YAMLMap) => void): void {
  const frontends = doc.getIn(['maglev', 'frontends'], true);
  for (const f of isMap(frontends) ? frontends.items : []) {
    const pools = isMap(f.value) ? f.value.get('pools', true) : null;
    for (const p of isSeq(pools) ? pools.items : []) {
      const members = isMap(p) ? p.get('backends', true) : null;
      if (isMap(members)) fn(members);
    }
  }
}

/** Renames a backend and every pool reference to it. */
export function renameBackendIn(doc: Document, oldName: string, newName: string): void {
  renameIn(doc, ['maglev', 'backends', oldName], newName);
  eachPoolMembers(doc, (members) => {
    const pair = members.items[pairIndex(members, oldName)];
    if (pair && isScalar(pair.key)) pair.key.value = newName;
  });
}

/** Renames a health check and every backend's reference to it. */
export function renameHealthCheckIn(doc: Document, oldName: string, newName: string): void {
  renameIn(doc, ['maglev', 'healthchecks', oldName], newName);
  const backends = doc.getIn(['maglev', 'backends'], true);
  for (const b of isMap(backends) ? backends.items : []) {
    const ref = isMap(b.value) ? b.value.get('healthcheck', true) : null;
    if (isScalar(ref) && ref.value === oldName) ref.value = newName;
  }
}

/** Adds a backend to `maglev.backends`. */
export function addBackendIn(
  doc: Document,
  name: string,
  fields: { address: string; healthcheck?: string; enabled?: boolean },
): void {
  const backends = mapAt(doc, ['maglev', 'backends']);
  if (backends.has(name)) throw new EditError('INVALID_ARGUMENT', `a backend "${name}" already exists`);
  const value: Record<string, unknown> = { address: fields.address };
  if (fields.healthcheck !== undefined) value['healthcheck'] = fields.healthcheck;
  if (fields.enabled === false) value['enabled'] = false;
  backends.items.push(doc.createPair(name, newValue(doc, backends, value)) as Pair);
}

/** Removes a backend and every pool membership of it. */
export function removeBackendIn(doc: Document, name: string): void {
  deleteAt(doc, ['maglev', 'backends', name]);
  eachPoolMembers(doc, (members) => {
    const i = pairIndex(members, name);
    if (i >= 0) members.items.splice(i, 1);
  });
}

/** Adds a health check with the given fields. */
export function addHealthCheckIn(doc: Document, name: string, fields: Record<string, unknown>): void {
  const checks = mapAt(doc, ['maglev', 'healthchecks']);
  if (checks.has(name)) throw new EditError('INVALID_ARGUMENT', `a healthcheck "${name}" already exists`);
  checks.items.push(doc.createPair(name, newValue(doc, checks, fields)) as Pair);
}

/** Copies a frontend under a new name, right after the original. */
export function duplicateFrontendIn(doc: Document, frontend: string, copy: string): void {
  const frontends = doc.getIn(['maglev', 'frontends'], true);
  if (!isMap(frontends)) throw new EditError('NOT_FOUND', `no frontend "${frontend}"`);
  const i = pairIndex(frontends, frontend);
  const original = frontends.items[i];
  if (!original || !isMap(original.value)) throw new EditError('NOT_FOUND', `no frontend "${frontend}"`);
  if (frontends.has(copy)) throw new EditError('INVALID_ARGUMENT', `a frontend "${copy}" already exists`);
  const value = original.value.clone() as YAMLMap;
  value.commentBefore = undefined;
  frontends.items.splice(i + 1, 0, doc.createPair(copy, value) as Pair);
}
