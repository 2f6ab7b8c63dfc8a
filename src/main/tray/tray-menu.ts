/** The tray's context menu template (pure). */
import type { MenuItemConstructorOptions } from 'electron';
import { buildMuteSubmenu, type MuteActions, type MuteEntry } from '../menu';
import type { HealthSummary } from './health-summary';

export interface TrayActions extends MuteActions {
  show(): void;
  quit(): void;
}

/** Returns the tray menu for the current health and mute entries. */
export function buildTrayMenuTemplate(
  summary: HealthSummary,
  mutes: readonly MuteEntry[],
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  return [
    { label: summary.text, enabled: false },
    { type: 'separator' },
    { label: 'Show Maglev Monitor', click: () => actions.show() },
    { label: 'Mute notifications for', submenu: buildMuteSubmenu(mutes, actions) },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() },
  ];
}
