/**
 * Desktop notifications for backends going down: grouped (one notification per site per batch: "3
 * backends down in site X: a, b, c"), rate-limited per site (what arrives inside the interval waits and
 * goes out together when it ends, so that nothing is lost), muted backends skipped, and a backend that
 * recovers before its notification is sent is dropped from it.
 */
import type { EventPayload } from '../../shared/ipc';
import type { Clock, TimerHandle } from '../../core/util';

export interface DownNotification {
  site: string;
  backends: string[];
  title: string;
  body: string;
}

export interface DownNotifierDeps {
  clock: Clock;
  isMuted(site: string, backend: string): boolean;
  siteName(site: string): string;
  show(notification: DownNotification): void;
  /** At most one notification per site per interval. */
  minIntervalMs?: number;
}

export interface DownNotifier {
  onHealth(payload: EventPayload<'health:changed'>): void;
  /** Backends currently known to be down, per site (for the mute menu). */
  downBackends(): { site: string; backend: string }[];
  dispose(): void;
}

interface SiteState {
  down: Set<string>;
  pending: Set<string>;
  lastShownAt: number;
  timer: TimerHandle | null;
}

const MAX_NAMES = 8;

/** Builds the text of one grouped notification. */
export function describeDown(siteName: string, backends: readonly string[]): { title: string; body: string } {
  const names = backends.slice(0, MAX_NAMES).join(', ') + (backends.length > MAX_NAMES ? `, and ${backends.length - MAX_NAMES} more` : '');
  const n = backends.length;
  return {
    title: n === 1 ? `Backend down in ${siteName}` : `${n} backends down in ${siteName}`,
    body: `${n} ${n === 1 ? 'backend' : 'backends'} down in site ${siteName}: ${names}`,
  };
}

/** Creates the notifier. */
export function createDownNotifier(deps: DownNotifierDeps): DownNotifier {
  const { clock } = deps;
  const interval = deps.minIntervalMs ?? 10_000;
  const sites = new Map<string, SiteState>();

  const stateOf = (site: string): SiteState => {
    let s = sites.get(site);
    if (!s) {
      s = { down: new Set(), pending: new Set(), lastShownAt: -Infinity, timer: null };
      sites.set(site, s);
    }
    return s;
  };

  const flush = (site: string, s: SiteState): void => {
    s.timer = null;
    const backends = [...s.pending].filter((b) => !deps.isMuted(site, b));
    s.pending.clear();
    if (backends.length === 0) return;
    s.lastShownAt = clock.now();
    deps.show({ site, backends, ...describeDown(deps.siteName(site), backends) });
  };

  const schedule = (site: string, s: SiteState): void => {
    if (s.timer !== null || s.pending.size === 0) return;
    const wait = s.lastShownAt + interval - clock.now();
    if (wait <= 0) flush(site, s);
    else s.timer = clock.setTimeout(() => flush(site, s), wait);
  };

  return {
    onHealth(p) {
      const s = stateOf(p.site);
      for (const row of p.backends) {
        if (row.state === 'down') s.down.add(row.name);
        else s.down.delete(row.name);
      }
      const ordered = [...p.transitions].sort((a, b) => a.atMs - b.atMs);
      for (const t of ordered) {
        if (t.to === 'down' && t.from !== 'down') {
          s.down.add(t.backend);
          if (!deps.isMuted(p.site, t.backend)) s.pending.add(t.backend);
        } else if (t.to !== 'down') {
          s.down.delete(t.backend);
          s.pending.delete(t.backend);
        }
      }
      schedule(p.site, s);
    },
    downBackends() {
      return [...sites].flatMap(([site, s]) => [...s.down].sort().map((backend) => ({ site, backend })));
    },
    dispose() {
      for (const s of sites.values()) if (s.timer !== null) clock.clearTimeout(s.timer);
      sites.clear();
    },
  };
}
