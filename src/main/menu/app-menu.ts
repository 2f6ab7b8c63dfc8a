/** The application menu template (pure): standard roles, plus the notification mutes. */
import type { MenuItemConstructorOptions } from 'electron';
import { buildMuteSubmenu, type MuteActions, type MuteEntry } from './mute-menu';

export interface AppMenuInput {
  platform: NodeJS.Platform;
  devTools: boolean;
  mutes: readonly MuteEntry[];
}

/** Returns the application menu template. */
export function buildAppMenuTemplate(input: AppMenuInput, actions: MuteActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(input.devTools ? [{ role: 'toggleDevTools' } as const] : []),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(input.platform === 'darwin' ? [{ role: 'appMenu' } as const] : [{ label: 'File', submenu: [{ role: 'quit' } as const] }]),
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { label: 'Notifications', submenu: [{ label: 'Mute notifications for', submenu: buildMuteSubmenu(input.mutes, actions) }] },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}
