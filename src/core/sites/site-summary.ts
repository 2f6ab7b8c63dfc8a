import type { BackendRow, FrontendInfo, SiteSpec, SiteSummary } from '../../shared/model';
import { emptyBackendCounts } from '../../shared/model';
import type { SiteStatus } from './types';

/** A site snapshot, as the summary needs it. */
export interface SummaryInput {
  id: string;
  spec: SiteSpec;
  demo: boolean;
  status: SiteStatus;
  frontends: readonly FrontendInfo[];
  backends: readonly Pick<BackendRow, 'name' | 'state'>[];
  hasVpp?: boolean;
}

/** Builds the overview card of a site from its snapshot. */
export function buildSummary(input: SummaryInput): SiteSummary {
  const { spec, status, frontends, backends } = input;
  const counts = emptyBackendCounts();
  for (const b of backends) counts[b.state] = (counts[b.state] ?? 0) + 1;
  return {
    id: input.id,
    name: spec.name,
    kind: spec.kind,
    demo: input.demo,
    location: spec.kind === 'local' ? spec.config : spec.address,
    state: status.state,
    lastError: status.lastError,
    lastContactMs: status.lastContactMs,
    frontendsUp: frontends.filter((f) => f.state === 'up').length,
    frontendsTotal: frontends.length,
    backends: counts,
    worst: describeWorst(status, frontends, backends),
    configEditable: spec.kind === 'local',
    hasVpp: input.hasVpp ?? false,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Names the worst current problem: the site itself, then down frontends, then down backends. */
export function describeWorst(
  status: SiteStatus,
  frontends: readonly FrontendInfo[],
  backends: readonly Pick<BackendRow, 'name' | 'state'>[],
): string | null {
  if (status.state === 'offline') return `site offline${status.lastError ? `: ${status.lastError}` : ''}`;
  const downFrontends = frontends.filter((f) => f.state === 'down').map((f) => f.name);
  if (downFrontends.length === 1) return `frontend ${downFrontends[0]} down`;
  if (downFrontends.length > 1) return `${plural(downFrontends.length, 'frontend')} down: ${downFrontends.slice(0, 3).join(', ')}${downFrontends.length > 3 ? ', …' : ''}`;
  const down = new Set(backends.filter((b) => b.state === 'down').map((b) => b.name));
  if (down.size > 0) return describeDownBackends(down, frontends);
  if (status.state === 'degraded') return `connection degraded${status.lastError ? `: ${status.lastError}` : ''}`;
  return null;
}

function describeDownBackends(down: ReadonlySet<string>, frontends: readonly FrontendInfo[]): string {
  let worstName = '';
  let worstCount = 0;
  for (const f of frontends) {
    const names = new Set(f.pools.flatMap((p) => p.backends.map((b) => b.name)));
    let n = 0;
    for (const name of names) if (down.has(name)) n++;
    if (n > worstCount) {
      worstCount = n;
      worstName = f.name;
    }
  }
  if (worstCount === 0) return `${plural(down.size, 'backend')} down`;
  const rest = down.size - worstCount;
  return `${plural(worstCount, 'backend')} down in ${worstName}${rest > 0 ? ` (${rest} more elsewhere)` : ''}`;
}
