import type { BackendRow, FrontendInfo } from '../../../../../shared/model';

export type Verb = 'pause' | 'resume' | 'enable' | 'disable' | 'weight';

/** What an action does to the frontends that use the backend (spec/health.md, effective weights). */
export interface Impact {
  /** `www-v4/primary (now 100)` for every pool the backend is in. */
  pools: string[];
  /** Consequences worth a second look: fail-overs, VIPs left without traffic. */
  warnings: string[];
}

const activePoolOf = (f: FrontendInfo, up: (name: string) => boolean): number => f.pools.findIndex((p) => p.backends.some((m) => up(m.name)));

/** Tells whether some backend of `f` would still carry traffic (effective weight > 0). */
function carriesTraffic(f: FrontendInfo, up: (name: string) => boolean, weightOf: (pool: string, name: string, w: number) => number): boolean {
  const active = f.pools[activePoolOf(f, up)];
  return !!active && active.backends.some((m) => up(m.name) && weightOf(active.name, m.name, m.weight) > 0);
}

/**
 * Works out what `verb` does to every frontend using `backend`, from the rows on screen: which pools
 * lose it, and whether a VIP fails over to another pool or loses its last backend.
 */
export function actionImpact(verb: Verb, backend: string, frontends: FrontendInfo[], rows: BackendRow[], weight?: { frontend: string; pool: string; to: number }): Impact {
  const state = new Map(rows.map((r) => [r.name, r.state]));
  const upNow = (n: string) => state.get(n) === 'up';
  // Pause and disable take the backend out at once; resume and enable bring it back only after a probe.
  const upAfter = (n: string) => (n === backend && (verb === 'pause' || verb === 'disable') ? false : upNow(n));
  const same = (_p: string, _n: string, w: number) => w;
  const weightAfter = (p: string, n: string, w: number) => (weight && n === backend && p === weight.pool ? weight.to : w);
  const impact: Impact = { pools: [], warnings: [] };
  for (const f of frontends) {
    const pools = f.pools.filter((p) => p.backends.some((m) => m.name === backend));
    if (pools.length === 0) continue;
    for (const p of pools) impact.pools.push(`${f.name}/${p.name} (now ${p.backends.find((m) => m.name === backend)?.effectiveWeight ?? 0})`);
    const before = activePoolOf(f, upNow);
    const after = activePoolOf(f, upAfter);
    const wAfter = weight && weight.frontend === f.name ? weightAfter : same;
    if (!carriesTraffic(f, upAfter, wAfter) && carriesTraffic(f, upNow, same)) {
      impact.warnings.push(`${f.name} would have no backend carrying traffic: the VIP goes down.`);
    } else if (before >= 0 && after !== before && after >= 0) {
      impact.warnings.push(`${f.name} fails over from pool ${f.pools[before]?.name} to pool ${f.pools[after]?.name}.`);
    }
  }
  return impact;
}

export interface ActionTarget {
  site: string;
  siteName: string;
  backend: BackendRow;
  frontend: string;
  pool: string;
  weight: number;
}

/** Says exactly what an action will do, for the confirm dialog. */
export function describeAction(verb: Verb, t: ActionTarget, impact: Impact, weight?: number): string {
  const b = `${t.backend.name} (${t.backend.address}) in site ${t.siteName}`;
  const where = impact.pools.length ? impact.pools.join(', ') : 'every pool';
  switch (verb) {
    case 'pause':
      return `Pause ${b}: probing stops, the state becomes paused and its effective weight 0 in ${where} until resumed.`;
    case 'resume':
      return `Resume ${b}: probing restarts, the state becomes unknown and it takes traffic again after its first passing probe (one failure marks it down).`;
    case 'disable':
      return `Disable ${b}: probing stops, the state becomes disabled and its effective weight 0 with its connections flushed in ${where}.`;
    case 'enable':
      return `Enable ${b}: probing restarts from unknown; it takes traffic after its first passing probe.`;
    case 'weight':
      return `Set the weight of ${t.backend.name} in ${t.frontend} / pool ${t.pool} from ${t.weight} to ${weight} (run time only: the next reload restores the file's weight).`;
  }
}
