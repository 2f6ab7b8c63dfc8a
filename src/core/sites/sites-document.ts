import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { YAMLMap, YAMLSeq } from 'yaml';
import type { SiteSpec } from '../../shared/model';
import { CodedError } from '../util';

/** Header of a sites file the app creates itself. */
const NEW_FILE_HEADER = ' maglev-monitor sites (spec: app.md). Edited by the app; comments are kept.';

/** Turns a SiteSpec into the kebab-case YAML mapping of sites.yaml. */
export function specToYaml(spec: SiteSpec): Record<string, unknown> {
  if (spec.kind === 'local') return { name: spec.name, kind: 'local', config: spec.config };
  const out: Record<string, unknown> = { name: spec.name, kind: 'remote', address: spec.address };
  if (spec.tls) {
    const tls: Record<string, string> = {};
    if (spec.tls.ca !== undefined) tls.ca = spec.tls.ca;
    if (spec.tls.cert !== undefined) tls.cert = spec.tls.cert;
    if (spec.tls.key !== undefined) tls.key = spec.tls.key;
    if (spec.tls.serverName !== undefined) tls['server-name'] = spec.tls.serverName;
    out.tls = tls;
  }
  return out;
}

/** Creates the document of a new, empty sites file. */
export function createEmptySitesDocument(): Document {
  const doc = new Document({ sites: [] });
  doc.commentBefore = NEW_FILE_HEADER;
  return doc;
}

function sitesList(doc: Document): YAMLSeq {
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    doc.contents = doc.createNode({ sites: [] }) as never;
  }
  const root = doc.contents;
  if (!isMap(root)) throw new CodedError('FAILED_PRECONDITION', 'the sites file is not a mapping; fix it by hand first');
  let list = root.get('sites', true);
  if (list === undefined || (isScalar(list) && list.value === null)) {
    root.set('sites', doc.createNode([]));
    list = root.get('sites', true);
  }
  if (!isSeq(list)) throw new CodedError('FAILED_PRECONDITION', '`sites` is not a list; fix the sites file by hand first');
  return list;
}

function indexOfName(list: YAMLSeq, name: string): number {
  return list.items.findIndex((item) => isMap(item) && String((item as YAMLMap).get('name') ?? '') === name);
}

/** Appends a site entry; returns its index. */
export function appendSite(doc: Document, spec: SiteSpec): number {
  const list = sitesList(doc);
  // A flow-style empty list (`sites: []`) would keep new entries on one line.
  if (list.items.length === 0) list.flow = false;
  list.items.push(doc.createNode(specToYaml(spec)));
  return list.items.length - 1;
}

/** Rewrites the entry named `name` in place, so that comments on untouched keys stay; returns its index. */
export function replaceSite(doc: Document, name: string, spec: SiteSpec): number {
  const list = sitesList(doc);
  const idx = indexOfName(list, name);
  if (idx < 0) throw new CodedError('NOT_FOUND', `no site named ${JSON.stringify(name)} in the sites file`);
  const entry = list.items[idx] as YAMLMap;
  syncMap(doc, entry, specToYaml(spec));
  return idx;
}

/** Removes the entry named `name`. */
export function removeSite(doc: Document, name: string): void {
  const list = sitesList(doc);
  const idx = indexOfName(list, name);
  if (idx < 0) throw new CodedError('NOT_FOUND', `no site named ${JSON.stringify(name)} in the sites file`);
  list.items.splice(idx, 1);
}

function syncMap(doc: Document, map: YAMLMap, wanted: Record<string, unknown>): void {
  for (const pair of [...map.items]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : null;
    if (key === null || !(key in wanted)) map.delete(pair.key);
  }
  for (const [key, value] of Object.entries(wanted)) {
    const current = map.get(key, true);
    if (value !== null && typeof value === 'object') {
      if (isMap(current)) syncMap(doc, current, value as Record<string, unknown>);
      else map.set(key, doc.createNode(value));
    } else {
      map.set(key, value);
    }
  }
}
