/**
 * The wiring of the Electron entry, with `electron` mocked and a fake site host behind a fake
 * utilityProcess: order of start-up, what reaches the window, and disposal in reverse on quit.
 */
import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import * as electron from 'electron';
import { operations } from '../shared/ipc';
import { createEndpointPair, serveSiteService, type FromHostMessage, type ToHostMessage } from './host';
import { createLogger, NULL_SINK } from '../core/log';
import { createFakeSiteService, fakeSummary } from '../../tests/fixtures/fake-site-service';

vi.mock('../../resources/icon.png?asset', () => ({ default: '/res/icon.png' }));

type Handler = (...args: unknown[]) => unknown;
const appHandlers = new Map<string, Handler>();
const service = createFakeSiteService();
const forks: { path: string; args: string[] }[] = [];
const sent: [string, unknown][] = [];
const titles: string[] = [];
let onTitle: (() => void) | null = null;
let onSend: (() => void) | null = null;
const order: string[] = [];

function fakeChild() {
  const [mainSide, hostSide] = createEndpointPair<ToHostMessage, FromHostMessage>();
  serveSiteService(hostSide, service, createLogger('test', NULL_SINK));
  const ee = new EventEmitter();
  mainSide.onMessage((m) => ee.emit('message', m));
  return Object.assign(ee, { postMessage: (m: ToHostMessage) => mainSide.post(m), kill: vi.fn(() => (order.push('kill'), true)) });
}

const webContents = {
  on: vi.fn(),
  isDestroyed: () => false,
  getURL: () => 'app://maglev/index.html',
  send: (channel: string, payload: unknown) => (sent.push([channel, payload]), onSend?.()),
};
const win = {
  once: vi.fn(),
  on: vi.fn(),
  loadURL: vi.fn(() => Promise.resolve()),
  webContents,
  isDestroyed: () => false,
  setTitle: (t: string) => (titles.push(t), onTitle?.()),
};
const tray = { on: vi.fn(), setImage: vi.fn(), setToolTip: vi.fn(), setContextMenu: vi.fn(), destroy: vi.fn(() => order.push('tray')) };

const m = vi.mocked(electron, { deep: true });
Object.assign(m.app, {
  requestSingleInstanceLock: () => true,
  exit: vi.fn(),
  on: (event: string, h: Handler) => appHandlers.set(event, h),
});
m.utilityProcess.fork.mockImplementation(((path: string, args: string[]) => {
  order.push('fork');
  forks.push({ path, args });
  return fakeChild();
}) as never);
Object.assign(m.session.defaultSession, { webRequest: { onHeadersReceived: vi.fn(() => order.push('csp')) } });
m.BrowserWindow.mockImplementation(function () {
  order.push('window');
  return win;
} as never);
Object.assign(m.BrowserWindow, { getAllWindows: () => [win] });
m.Tray.mockImplementation(function () {
  return tray;
} as never);
m.ipcMain.handle.mockImplementation(((channel: string, fn: Handler) => {
  if (channel === 'maglev:app:info') order.push('ipc');
  (m.ipcMain as unknown as { __handlers: Map<string, Handler> }).__handlers.set(channel, fn);
}) as never);
m.ipcMain.removeHandler.mockImplementation(((channel: string) => {
  if (channel === 'maglev:app:info') order.push('ipc-off');
  (m.ipcMain as unknown as { __handlers: Map<string, Handler> }).__handlers.delete(channel);
}) as never);
Reflect.deleteProperty(process.env, 'ELECTRON_RENDERER_URL');

const handlers = (m.ipcMain as unknown as { __handlers: Map<string, Handler> }).__handlers;
const waitFor = (set: (r: () => void) => void) => new Promise<void>((r) => set(r));

describe('src/main/index.ts', () => {
  it('wires host, security, IPC, window, events and status in order', async () => {
    const titled = waitFor((r) => (onTitle = () => titles.some((t) => t.endsWith('all up')) && r()));
    await import('./index');
    expect(m.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    await titled;
    expect(order.slice(0, 4)).toEqual(['fork', 'csp', 'ipc', 'window']);

    expect(forks[0]!.path).toMatch(/utility\.js$/);
    expect(forks[0]!.args).toEqual(['--sites', '/tmp/maglev-monitor-test/sites.yaml', '--app-version', '0.0.0-test', '--user', expect.any(String),
      '--audit-log', '/tmp/maglev-monitor-test/audit.log', '--config-history', '/tmp/maglev-monitor-test/config-history']);
    expect([...handlers.keys()].sort()).toEqual(Object.keys(operations).map((o) => `maglev:${o}`).sort());
    const options = m.BrowserWindow.mock.calls[0]![0]!;
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(options.webPreferences!.preload).toMatch(/preload[/\\]index\.js$/);
    expect(win.loadURL).toHaveBeenCalledWith('app://maglev/index.html');
    expect(m.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(titles.at(-1)).toBe('Maglev Monitor — all up');
  });

  it('answers the page through the site host and refuses other frames', async () => {
    const own = { senderFrame: { url: 'app://maglev/index.html' } };
    expect(await handlers.get('maglev:app:info')!(own, {})).toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(await handlers.get('maglev:app:info')!({ senderFrame: { url: 'https://x.example/' } }, {})).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  it('forwards host events to the window on the contract channel and updates the title', async () => {
    const delivered = waitFor((r) => (onSend = r));
    const down = fakeSummary({ backends: { unknown: 0, up: 1, down: 2, paused: 0, disabled: 0, removed: 0 } });
    service.emit('sites:changed', [down]);
    await delivered;
    expect(sent.at(-1)).toEqual(['maglev:sites:changed', [down]]);
    expect(titles.at(-1)).toBe('Maglev Monitor — 2 backends down');
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Maglev Monitor: 2 backends down');
  });

  it('disposes in reverse order on quit, then exits', async () => {
    const exited = waitFor((r) => vi.mocked(m.app.exit).mockImplementation(() => r()));
    const e = { preventDefault: vi.fn() };
    appHandlers.get('before-quit')!(e);
    expect(e.preventDefault).toHaveBeenCalled();
    await exited;
    expect(order.slice(-3)).toEqual(['tray', 'ipc-off', 'kill']);
    expect(service.disposed).toBe(true);
    expect(handlers.size).toBe(0);
    expect(m.app.exit).toHaveBeenCalledWith(0);
  });
});
