import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { ConfigIssue, SiteSpec } from '../../shared/model';
import { SiteSpecSchema } from '../../shared/model';

/** One valid entry of sites.yaml, with the index it has in the `sites` list. */
export interface SitesFileEntry {
  index: number;
  spec: SiteSpec;
  line: number;
  col: number;
}

/** What parsing sites.yaml found: the valid entries, every issue, and whether the file is editable. */
export interface SitesFileParse {
  entries: SitesFileEntry[];
  issues: ConfigIssue[];
  /** The file as a whole is unusable (bad YAML, wrong top-level shape): nothing may be saved over it. */
  fatal: boolean;
  /** The parsed document, for edits that keep comments; null when the YAML itself is broken. */
  doc: Document | null;
}

const ENTRY_KEYS = { local: ['name', 'kind', 'config'], remote: ['name', 'kind', 'address', 'tls'] } as const;
const ALL_ENTRY_KEYS = new Set<string>(['name', 'kind', 'config', 'address', 'tls']);
const TLS_KEYS = new Set(['ca', 'cert', 'key', 'server-name']);

/** Converts a kebab-case YAML key to the camelCase field of SiteSpec. */
export function kebabToCamel(key: string): string {
  return key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Formats an issue as `FILE:LINE:COL: path: message`, like the config loader does. */
export function formatSitesIssue(issue: ConfigIssue, fileName: string): string {
  return `${fileName}:${issue.line}:${issue.col}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

/** Parses and validates sites.yaml text (spec/app.md), reporting every problem with its line and column. */
export function parseSitesFile(text: string): SitesFileParse {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true });
  const issues: ConfigIssue[] = [];
  const at = (node: Node | null | undefined, path: string, message: string, kind: ConfigIssue['kind'] = 'semantic') => {
    const pos = lc.linePos(node?.range?.[0] ?? 0);
    issues.push({ kind, path, line: pos.line, col: pos.col, message });
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
      issues.push({ kind: 'parse', path: '', line: pos.line, col: pos.col, message: e.message.split('\n')[0] ?? e.message });
    }
    return { entries: [], issues, fatal: true, doc: null };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { entries: [], issues, fatal: false, doc };
  if (!isMap(root)) {
    at(root, '', 'the sites file must be a mapping with a `sites` list', 'parse');
    return { entries: [], issues, fatal: true, doc };
  }
  for (const pair of root.items) {
    const key = keyName(pair);
    if (key !== 'sites') at(pair.key as Node, key ?? '', `unknown key ${JSON.stringify(key)} (expected \`sites\`)`, 'parse');
  }
  const list = root.get('sites', true);
  if (list === undefined || (isScalar(list) && list.value === null)) return { entries: [], issues, fatal: false, doc };
  if (!isSeq(list)) {
    at(list as Node, 'sites', '`sites` must be a list', 'parse');
    return { entries: [], issues, fatal: true, doc };
  }
  const entries: SitesFileEntry[] = [];
  const firstByName = new Map<string, number>();
  list.items.forEach((item, index) => {
    const before = issues.length;
    const spec = readEntry(item as Node, `sites[${index}]`, at);
    if (!spec || issues.length > before) return;
    const nameNode = (item as YAMLMap).get('name', true) as Node | undefined;
    const first = firstByName.get(spec.name);
    if (first !== undefined) {
      at(nameNode, `sites[${index}].name`, `duplicate site name ${JSON.stringify(spec.name)} (first at line ${first})`);
      return;
    }
    const pos = lc.linePos((item as Node).range?.[0] ?? 0);
    firstByName.set(spec.name, pos.line);
    entries.push({ index, spec, line: pos.line, col: pos.col });
  });
  return { entries, issues, fatal: false, doc };
}

type Report = (node: Node | null | undefined, path: string, message: string, kind?: ConfigIssue['kind']) => void;

function keyName(pair: Pair): string | null {
  return isScalar(pair.key) ? String(pair.key.value) : null;
}

function scalarString(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  return String(node.value);
}

/** Reads one entry into a camelCase object, reports wrong shapes and keys, then checks it with the schema. */
function readEntry(node: Node, path: string, report: Report): SiteSpec | null {
  if (!isMap(node)) {
    report(node, path, 'each site must be a mapping with `name` and `kind`', 'parse');
    return null;
  }
  const kind = scalarString(node.get('kind', true));
  const allowed: ReadonlySet<string> =
    kind === 'local' || kind === 'remote' ? new Set<string>(ENTRY_KEYS[kind]) : ALL_ENTRY_KEYS;
  const raw: Record<string, unknown> = {};
  for (const pair of node.items) {
    const key = keyName(pair);
    const keyNode = pair.key as Node;
    if (key === null || !allowed.has(key)) {
      const hint = key !== null && ALL_ENTRY_KEYS.has(key) ? ` (not allowed for kind ${kind})` : '';
      report(keyNode, `${path}.${key ?? '?'}`, `unknown key ${JSON.stringify(key)}${hint}`, 'parse');
      continue;
    }
    if (key === 'tls') raw.tls = readTls(pair.value as Node | null, `${path}.tls`, report);
    else {
      const value = scalarString(pair.value);
      if (value === undefined) report((pair.value as Node | null) ?? keyNode, `${path}.${key}`, `\`${key}\` must be a string`, 'parse');
      else raw[key] = value;
    }
  }
  if (kind === undefined) report(node, `${path}.kind`, '`kind` is required (local or remote)');
  else if (kind !== 'local' && kind !== 'remote')
    report(node.get('kind', true) as Node, `${path}.kind`, `kind must be local or remote, not ${JSON.stringify(kind)}`);
  const parsed = SiteSpecSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'kind') continue; // reported above with a clearer message
      const field = issue.path.map(String);
      const target = (field.length > 0 ? node.getIn(field.map(camelToKebab), true) : undefined) as Node | undefined;
      const message = issue.code === 'invalid_type' && target === undefined ? `\`${field.join('.')}\` is required` : issue.message;
      report(target ?? node, [path, ...field.map(camelToKebab)].join('.'), message);
    }
    return null;
  }
  if (parsed.data.kind === 'remote' && !checkRemote(parsed.data, node, path, report)) return null;
  return parsed.data;
}

function camelToKebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Checks what the schema cannot: the port range, and that a client certificate comes with its key. */
function checkRemote(spec: Extract<SiteSpec, { kind: 'remote' }>, node: YAMLMap, path: string, report: Report): boolean {
  let ok = true;
  const port = Number(spec.address.slice(spec.address.lastIndexOf(':') + 1));
  if (port < 1 || port > 65535) {
    report(node.get('address', true) as Node, `${path}.address`, `port ${port} is out of range 1-65535`);
    ok = false;
  }
  if (spec.tls && (spec.tls.cert === undefined) !== (spec.tls.key === undefined)) {
    report(node.get('tls', true) as Node, `${path}.tls`, 'a client certificate needs both `cert` and `key`');
    ok = false;
  }
  return ok;
}

function readTls(node: Node | null, path: string, report: Report): Record<string, string> | null | undefined {
  if (node === null || (isScalar(node) && node.value === null)) return null;
  if (!isMap(node)) {
    report(node, path, '`tls` must be a mapping (ca, cert, key, server-name) or empty', 'parse');
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const pair of node.items) {
    const key = keyName(pair);
    if (key === null || !TLS_KEYS.has(key)) {
      report(pair.key as Node, `${path}.${key ?? '?'}`, `unknown key ${JSON.stringify(key)} (expected ca, cert, key, server-name)`, 'parse');
      continue;
    }
    const value = scalarString(pair.value);
    if (value === undefined) report((pair.value as Node | null) ?? (pair.key as Node), `${path}.${key}`, `\`${key}\` must be a string`, 'parse');
    else out[kebabToCamel(key)] = value;
  }
  return out;
}
