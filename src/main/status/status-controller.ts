/**
 * Turns the host's events into what the desktop shows outside the page: the tray icon and tooltip,
 * the window title, the mute menus and the down notifications. It re-renders only when the text or
 * the mute list changes, not on every health batch.
 */
import type { SiteSummary } from '../../shared/model';
import type { EventPayload } from '../../shared/ipc';
import type { Clock } from '../../core/util';
import { createDownNotifier, type DownNotification, type MuteStore } from '../notifications';
import { muteEntries, type MuteEntry } from '../menu';
import { summarizeHealth, type HealthSummary } from '../tray/health-summary';

export interface StatusView {
  summary: HealthSummary;
  mutes: MuteEntry[];
}

export interface StatusControllerDeps {
  clock: Clock;
  mutes: MuteStore;
  notify(notification: DownNotification): void;
  render(view: StatusView): void;
  minNotifyIntervalMs?: number;
}

export interface StatusController {
  onEvent(event: string, payload: unknown): void;
  setMuted(site: string, backend: string, muted: boolean): Promise<void>;
  unmuteAll(): Promise<void>;
  view(): StatusView;
  dispose(): void;
}

/** Creates the controller and renders the initial ("starting…") view. */
export function createStatusController(deps: StatusControllerDeps): StatusController {
  let sites: SiteSummary[] | null = null;
  let lastKey = '';
  const siteName = (id: string): string => sites?.find((s) => s.id === id)?.name ?? id;
  const notifier = createDownNotifier({
    clock: deps.clock,
    isMuted: (site, backend) => deps.mutes.isMuted(site, backend),
    siteName,
    show: deps.notify,
    ...(deps.minNotifyIntervalMs !== undefined && { minIntervalMs: deps.minNotifyIntervalMs }),
  });

  const view = (): StatusView => ({
    summary: summarizeHealth(sites),
    mutes: muteEntries(notifier.downBackends(), deps.mutes.list(), siteName),
  });

  const refresh = (): void => {
    const v = view();
    const key = JSON.stringify(v);
    if (key === lastKey) return;
    lastKey = key;
    deps.render(v);
  };

  refresh();
  return {
    onEvent(event, payload) {
      if (event === 'sites:changed') sites = payload as SiteSummary[];
      else if (event === 'health:changed') notifier.onHealth(payload as EventPayload<'health:changed'>);
      else return;
      refresh();
    },
    async setMuted(site, backend, muted) {
      await deps.mutes.setMuted(site, backend, muted);
      refresh();
    },
    async unmuteAll() {
      await deps.mutes.clear();
      refresh();
    },
    view,
    dispose: () => notifier.dispose(),
  };
}
