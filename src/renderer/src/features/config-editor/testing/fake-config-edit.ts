// A stand-in for the host's `config:edit` in screen tests (the renderer may not import src/core): the
// same operations on a `yaml` Document, re-rendered with toString(). Its output formatting is not the
// host's (which splices to keep the file's layout); the tests only read values back.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ConfigEdit } from '../../../../../shared/model';
import { BridgeError } from '../../../lib/bridge';

const fail = (code: string, message: string): never => {
  throw new BridgeError(code, message);
};

function mapAt(doc: Document, path: (string | number)[]): YAMLMap {
  const n = doc.getIn(path, true);
  return isMap(n) ? n : fail('NOT_FOUND', `no map at ${path.join('.')}`);
}

function pools(doc: Document, frontend: string): YAMLSeq {
  const n = mapAt(doc, ['maglev', 'frontends', frontend]).get('pools', true);
  return isSeq(n) ? n : fail('NOT_FOUND', `frontend "${frontend}" has no pools`);
}

function poolIndex(doc: Document, frontend: string, pool: string): number {
  const i = pools(doc, frontend).items.findIndex((p) => isMap(p) && p.get('name') === pool);
  return i < 0 ? fail('NOT_FOUND', `frontend "${frontend}" has no pool "${pool}"`) : i;
}

function members(doc: Document, frontend: string, pool: string): YAMLMap {
  const p = pools(doc, frontend).items[poolIndex(doc, frontend, pool)] as YAMLMap;
  const b = p.get('backends', true);
  if (isMap(b)) return b;
  const m = doc.createNode({}) as YAMLMap;
  p.set('backends', m);
  return m;
}

function keyIndex(map: YAMLMap, key: string): number {
  return map.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
}

function renameKey(map: YAMLMap, from: string, to: string): void {
  const pair = map.items[keyIndex(map, from)];
  if (!pair || !isScalar(pair.key)) return fail('NOT_FOUND', `no "${from}"`);
  if (map.has(to)) fail('INVALID_ARGUMENT', `"${to}" already exists`);
  pair.key.value = to;
}

function insert<T>(items: T[], item: T, index?: number): void {
  items.splice(index === undefined ? items.length : Math.min(index, items.length), 0, item);
}

function eachPool(doc: Document, f: (m: YAMLMap) => void): void {
  const fes = doc.getIn(['maglev', 'frontends'], true);
  if (!isMap(fes)) return;
  for (const fe of fes.items) {
    const ps = isMap(fe.value) ? fe.value.get('pools', true) : null;
    if (!isSeq(ps)) continue;
    for (const p of ps.items) {
      const m = isMap(p) ? p.get('backends', true) : null;
      if (isMap(m)) f(m);
    }
  }
}

function applyOne(doc: Document, e: ConfigEdit): void {
  switch (e.op) {
    case 'set':
      return doc.setIn(e.path, e.value);
    case 'delete':
      if (!doc.hasIn(e.path)) fail('NOT_FOUND', `nothing at ${e.path.join('.')}`);
      return void doc.deleteIn(e.path);
    case 'rename-backend':
      renameKey(mapAt(doc, ['maglev', 'backends']), e.from, e.to);
      return eachPool(doc, (m) => m.has(e.from) && renameKey(m, e.from, e.to));
    case 'rename-healthcheck':
      renameKey(mapAt(doc, ['maglev', 'healthchecks']), e.from, e.to);
      for (const b of mapAt(doc, ['maglev', 'backends']).items) if (isMap(b.value) && b.value.get('healthcheck') === e.from) b.value.set('healthcheck', e.to);
      return;
    case 'rename-frontend':
      return renameKey(mapAt(doc, ['maglev', 'frontends']), e.from, e.to);
    case 'add-backend':
      if (doc.hasIn(['maglev', 'backends', e.name])) fail('INVALID_ARGUMENT', `backend "${e.name}" already exists`);
      return doc.setIn(['maglev', 'backends', e.name], { address: e.address, ...(e.healthcheck ? { healthcheck: e.healthcheck } : {}) });
    case 'remove-backend':
      doc.deleteIn(['maglev', 'backends', e.name]);
      return eachPool(doc, (m) => void m.delete(e.name));
    case 'add-healthcheck':
      return doc.setIn(['maglev', 'healthchecks', e.name], e.fields);
    case 'remove-healthcheck':
    case 'remove-frontend':
      return void doc.deleteIn(e.op === 'remove-healthcheck' ? ['maglev', 'healthchecks', e.name] : ['maglev', 'frontends', e.frontend]);
    case 'set-weight': {
      const m = members(doc, e.frontend, e.pool);
      if (!m.has(e.backend)) fail('NOT_FOUND', `pool "${e.pool}" of "${e.frontend}" has no backend "${e.backend}"`);
      return doc.setIn(['maglev', 'frontends', e.frontend, 'pools', poolIndex(doc, e.frontend, e.pool), 'backends', e.backend, 'weight'], e.weight);
    }
    case 'add-member': {
      const m = members(doc, e.frontend, e.pool);
      if (m.has(e.backend)) fail('INVALID_ARGUMENT', `pool "${e.pool}" already has "${e.backend}"`);
      return insert(m.items, doc.createPair(e.backend, e.weight === undefined ? {} : { weight: e.weight }) as Pair, e.index);
    }
    case 'remove-member':
      return void members(doc, e.frontend, e.pool).delete(e.backend);
    case 'move-member': {
      const from = members(doc, e.frontend, e.from);
      const to = members(doc, e.frontend, e.to);
      const i = keyIndex(from, e.backend);
      if (i < 0) fail('NOT_FOUND', `pool "${e.from}" has no backend "${e.backend}"`);
      const [pair] = from.items.splice(i, 1);
      return insert(to.items, pair!, e.index);
    }
    case 'move-pool': {
      const seq = pools(doc, e.frontend);
      const [p] = seq.items.splice(poolIndex(doc, e.frontend, e.pool), 1);
      return insert(seq.items, p, e.index);
    }
    case 'add-pool':
      return void pools(doc, e.frontend).items.push(doc.createNode({ name: e.pool, backends: {} }));
    case 'remove-pool':
      return void pools(doc, e.frontend).items.splice(poolIndex(doc, e.frontend, e.pool), 1);
    case 'duplicate-frontend':
      if (doc.hasIn(['maglev', 'frontends', e.as])) fail('INVALID_ARGUMENT', `"${e.as}" already exists`);
      return doc.setIn(['maglev', 'frontends', e.as], mapAt(doc, ['maglev', 'frontends', e.frontend]).toJSON());
  }
}

/** Applies edits all-or-nothing; throws a BridgeError like the host's envelope would. */
export function fakeConfigEdit(text: string, edits: readonly ConfigEdit[]): { text: string } {
  const doc = parseDocument(text);
  if (doc.errors.length) fail('YAML_INVALID', doc.errors[0]!.message);
  for (const e of edits) applyOne(doc, e);
  return { text: doc.toString() };
}
