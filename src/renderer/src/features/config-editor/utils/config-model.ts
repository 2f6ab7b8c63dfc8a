import { parseDocument } from 'yaml';
import { familyName, ipFamily, type Family } from './ip-family';

/** One health check as the file has it; values are raw (the validator judges them). */
export interface HealthCheckModel {
  name: string;
  fields: Record<string, unknown>;
  params: Record<string, unknown>;
}

export interface BackendModel {
  name: string;
  address: unknown;
  healthcheck: unknown;
  /** `enabled:` is written (true or false) or absent (true). */
  enabled: boolean;
  /** `enabled:` is in the file (either value). */
  enabledSet: boolean;
  family: Family | null;
}

export interface MemberModel {
  backend: string;
  /** The effective weight (100 when absent), or the raw value when it is not a number. */
  weight: number;
  rawWeight: unknown;
}

export interface PoolModel {
  name: string;
  members: MemberModel[];
}

export interface FrontendModel {
  name: string;
  fields: Record<string, unknown>;
  family: Family | null;
  pools: PoolModel[];
}

/** The structure of a maglev.yaml the visual editor shows (map order kept). */
export interface ConfigModel {
  healthchecks: HealthCheckModel[];
  backends: BackendModel[];
  frontends: FrontendModel[];
  backendByName: ReadonlyMap<string, BackendModel>;
  /** The file uses the legacy `vips:` form, which the visual editor does not edit. */
  legacy: boolean;
}

export type ModelResult = { ok: true; model: ConfigModel } | { ok: false; message: string; line: number; col: number };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const entries = (v: unknown): [string, unknown][] => (isObj(v) ? Object.entries(v) : []);

function readPools(v: unknown): PoolModel[] {
  if (!Array.isArray(v)) return [];
  return v.map((p: unknown) => {
    const pool = isObj(p) ? p : {};
    const members = entries(pool.backends).map(([backend, m]) => {
      const raw = isObj(m) ? m.weight : undefined;
      return { backend, rawWeight: raw, weight: typeof raw === 'number' ? raw : 100 };
    });
    return { name: pool.name === undefined || pool.name === null ? '' : String(pool.name), members };
  });
}

/** Builds the model from plain data (the parsed file, or a test's object). */
export function modelFromData(data: unknown): ConfigModel {
  const root = isObj(data) && isObj(data.maglev) ? data.maglev : {};
  const healthchecks = entries(root.healthchecks).map(([name, v]) => {
    const fields = isObj(v) ? v : {};
    return { name, fields, params: isObj(fields.params) ? fields.params : {} };
  });
  const backends = entries(root.backends).map(([name, v]) => {
    const b = isObj(v) ? v : {};
    return { name, address: b.address, healthcheck: b.healthcheck, enabled: b.enabled !== false, enabledSet: 'enabled' in b, family: typeof b.address === 'string' ? ipFamily(b.address) : null };
  });
  const frontends = entries(root.frontends).map(([name, v]) => {
    const fields = isObj(v) ? v : {};
    return { name, fields, family: typeof fields.address === 'string' ? ipFamily(fields.address) : null, pools: readPools(fields.pools) };
  });
  return { healthchecks, backends, frontends, backendByName: new Map(backends.map((b) => [b.name, b])), legacy: 'vips' in root };
}

/**
 * Parses config text into the model. YAML that does not parse gives the first error with its place;
 * the visual editor then waits for the YAML view to fix it. Aliases are capped (an alias bomb must
 * not freeze the window).
 */
export function parseConfigModel(text: string): ModelResult {
  const doc = parseDocument(text, { uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? { line: 1, col: 1 };
    // yaml appends its own "at line L, column C:" (and a code excerpt); the caller shows the place.
    const message = (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, message, line: pos.line, col: pos.col };
  }
  try {
    return { ok: true, model: modelFromData(doc.toJS({ maxAliasCount: 1000 })) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e), line: 1, col: 1 };
  }
}

/** The family a frontend's backends must share: its own address's, else its first valid member's. */
export function frontendFamily(model: ConfigModel, f: FrontendModel): { family: Family; what: string } | null {
  if (f.family !== null) return { family: f.family, what: `frontend ${f.name} is ${familyName(f.family)}` };
  for (const p of f.pools) {
    for (const m of p.members) {
      const b = model.backendByName.get(m.backend);
      if (b?.family) return { family: b.family, what: `its backend ${b.name} is ${familyName(b.family)}` };
    }
  }
  return null;
}

/** Why `backend` cannot be in a pool of `f` (another address family), or null when it can. */
export function familyProblem(model: ConfigModel, f: FrontendModel, backend: string): string | null {
  const b = model.backendByName.get(backend);
  const ref = frontendFamily(model, f);
  if (!b?.family || !ref || b.family === ref.family) return null;
  return `${backend} is ${familyName(b.family)} (${String(b.address)}) but ${ref.what}: one frontend's backends must all be one family`;
}
