/** Creates the main window: hardened options, shown when ready, the app page loaded. */
import { BrowserWindow } from 'electron';
import type { Logger } from '../../core/log';
import { createWindowOptions, type WindowOptionsInput } from './window-options';

export interface MainWindowDeps extends WindowOptionsInput {
  /** The app page: app://maglev/index.html, or the Vite dev server in development. */
  url: string;
  logger: Logger;
}

/** Creates and loads the main window. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const win = new BrowserWindow(createWindowOptions(deps));
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_e, details) => deps.logger.error('renderer gone', { reason: details.reason }));
  win.loadURL(deps.url).catch((e: unknown) => deps.logger.error('cannot load the app page', { url: deps.url, err: e }));
  return win;
}

/** Brings the window back (tray click, notification click, second instance): a user's own action. */
export function revealWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
