/**
 * Electron main entry. It only wires, in this order: arguments → site host (utilityProcess) → session
 * security and the app:// protocol → IPC handlers → window → events to windows → tray, title, menu and
 * notifications. Quitting disposes in reverse order.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, session, utilityProcess } from 'electron';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import icon from '../../resources/icon.png?asset';
import type { RequestContext } from '../core/sites';
import { createLogger, createStreamSink } from '../core/log';
import { createSystemClock } from '../core/util';
import { LOG_LEVELS, type LogLevel } from '../shared/model';
import { parseMainArgs } from './args';
import { startUtilityHost } from './host';
import { createEventBroadcaster, createEventCoalescer, createIpcDispatcher, createSenderCheck, originOf, registerIpcHandlers } from './ipc';
import { buildAppMenuTemplate } from './menu';
import { createNotificationShower, loadMuteStore } from './notifications';
import { createStatusController } from './status';
import { createAppTray, windowTitle } from './tray';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  APP_SCHEME,
  contentSecurityPolicy,
  createAppProtocolHandler,
  createMainWindow,
  hardenSession,
  hardenWebContents,
  registerAppScheme,
  revealWindow,
} from './windows';

// Schemes must be registered before `ready`; this is the one thing done at load time.
registerAppScheme(protocol);

type Disposer = () => unknown;

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit();
  const args = parseMainArgs(process.argv, join(app.getPath('userData'), 'sites.yaml'));
  const level = (LOG_LEVELS as readonly string[]).includes(process.env.MAGLEV_LOG ?? '') ? (process.env.MAGLEV_LOG as LogLevel) : 'info';
  const logger = createLogger('main', createStreamSink(level));
  if (!args.ok) {
    logger.error(args.error.message);
    return app.exit(2);
  }
  await app.whenReady();
  const clock = createSystemClock();
  const disposers: Disposer[] = [];
  const devUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
  const isTrustedSender = createSenderCheck(devUrl ? [APP_ORIGIN, devUrl] : [APP_ORIGIN]);
  const isAppUrl = (url: string): boolean => isTrustedSender({ senderFrame: { url } });
  const ctx: RequestContext = { readOnly: args.value.readOnly, user: userInfo().username, host: hostname(), origin: 'electron' };

  // 1. The site host: probing, config and gRPC run in their own process.
  const hostArgs = ['--sites', args.value.sitesPath, '--app-version', app.getVersion(), '--user', ctx.user, ...(ctx.readOnly ? ['--read-only'] : []),
    '--audit-log', join(app.getPath('userData'), 'audit.log'), '--config-history', join(app.getPath('userData'), 'config-history')];
  const host = startUtilityHost({
    fork: () => utilityProcess.fork(join(__dirname, 'utility.js'), hostArgs, { serviceName: 'Maglev site host', stdio: 'inherit' }),
    clock,
    logger: createLogger('main.host', createStreamSink(level)),
    systemContext: ctx,
  });
  disposers.push(() => host.dispose());

  // 2. Security for every page: CSP header, no permissions, no navigation away, no new windows.
  const csp = contentSecurityPolicy(devUrl ? originOf(devUrl) : null);
  hardenSession(session.defaultSession, csp, logger);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: join(__dirname, '../renderer'), csp, readFile }));
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, isAppUrl, logger));

  // 3. IPC: one checked handler per contract operation.
  disposers.push(registerIpcHandlers(ipcMain, createIpcDispatcher({ host, isTrustedSender, context: ctx, logger })));

  // 4. The window.
  let win: BrowserWindow | null = null;
  const openWindow = (): void => {
    win = createMainWindow({ url: devUrl ?? APP_INDEX_URL, preloadPath: join(__dirname, '../preload/index.js'), title: 'Maglev Monitor', iconPath: icon, devTools: !app.isPackaged, logger });
    // Our title carries the health summary; the page's <title> must not replace it.
    win.on('page-title-updated', (e) => e.preventDefault());
    win.on('closed', () => (win = null));
  };
  openWindow();

  // 5. Events: host → safety coalescer (≤ 1 batch / 100 ms) → every app window.
  const send = createEventBroadcaster({ targets: () => BrowserWindow.getAllWindows().map((w) => w.webContents), isTrustedSender });
  const coalescer = createEventCoalescer({ clock, send });
  disposers.push(host.onEvent((e, p) => coalescer.push(e, p)), () => coalescer.dispose());

  // 6. Tray, window title, menu and notifications follow the sites' health.
  const mutes = await loadMuteStore(join(app.getPath('userData'), 'notification-mutes.json'), { readFile, writeFile, rename }, logger);
  const show = (): void => (win ? revealWindow(win) : openWindow());
  const muteActions = { setMuted: (s: string, b: string, m: boolean) => void status.setMuted(s, b, m), unmuteAll: () => void status.unmuteAll() };
  const tray = createAppTray({ ...muteActions, show, quit: () => app.quit() });
  const status = createStatusController({
    clock,
    mutes,
    notify: createNotificationShower({ icon, onClick: show }),
    render: (view) => {
      tray.update(view);
      win?.setTitle(windowTitle(view.summary));
      Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenuTemplate({ platform: process.platform, devTools: !app.isPackaged, mutes: view.mutes }, muteActions)));
    },
  });
  disposers.push(host.onEvent(status.onEvent), () => status.dispose(), () => tray.dispose());
  void host.invoke('sites:list', {}, ctx).then((r) => r.ok && status.onEvent('sites:changed', r.value));

  // 7. Lifecycle: one instance; quitting disposes everything in reverse order, once.
  app.on('second-instance', show);
  app.on('activate', show);
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
  let quitting = false;
  app.on('before-quit', (e) => {
    if (quitting) return;
    quitting = true;
    e.preventDefault();
    void (async () => {
      for (const d of disposers.reverse()) {
        try {
          await d();
        } catch (err) {
          logger.error('dispose failed', { err });
        }
      }
      app.exit(0);
    })();
  });
}

void main();
