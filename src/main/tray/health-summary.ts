/** What the tray, its tooltip and the window title say about all sites: "all up" or what is wrong. */
import type { SiteSummary } from '../../shared/model';

export type HealthLevel = 'ok' | 'problem' | 'unknown';

export interface HealthSummary {
  level: HealthLevel;
  down: number;
  offline: number;
  /** "all up", "3 backends down", "1 backend down, 2 sites offline", "no sites", "starting…". */
  text: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Summarises the latest `sites:changed` (null before the first one arrives). */
export function summarizeHealth(sites: readonly SiteSummary[] | null): HealthSummary {
  if (sites === null) return { level: 'unknown', down: 0, offline: 0, text: 'starting…' };
  if (sites.length === 0) return { level: 'unknown', down: 0, offline: 0, text: 'no sites' };
  const down = sites.reduce((n, s) => n + (s.backends.down ?? 0), 0);
  const offline = sites.filter((s) => s.state === 'offline').length;
  if (down === 0 && offline === 0) return { level: 'ok', down, offline, text: 'all up' };
  const parts: string[] = [];
  if (down > 0) parts.push(plural(down, 'backend down', 'backends down'));
  if (offline > 0) parts.push(plural(offline, 'site offline', 'sites offline'));
  return { level: 'problem', down, offline, text: parts.join(', ') };
}

/** Returns the window title for a summary. */
export function windowTitle(summary: HealthSummary): string {
  return `Maglev Monitor — ${summary.text}`;
}

/** Returns the tray tooltip for a summary. */
export function trayTooltip(summary: HealthSummary): string {
  return `Maglev Monitor: ${summary.text}`;
}
