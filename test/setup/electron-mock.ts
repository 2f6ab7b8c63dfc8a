import { vi } from 'vitest';

// Main-process modules import `electron`; under Node there is no Electron, so every test gets a mock.
// Tests that need specific behaviour override pieces with vi.mocked(...).
vi.mock('electron', () => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    app: {
      getPath: vi.fn(() => '/tmp/maglev-monitor-test'),
      getVersion: vi.fn(() => '0.0.0-test'),
      on: vi.fn(),
      whenReady: vi.fn(() => Promise.resolve()),
      quit: vi.fn(),
      isPackaged: false,
    },
    ipcMain: {
      handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
      on: vi.fn(),
      __handlers: handlers,
    },
    BrowserWindow: vi.fn(),
    Tray: vi.fn(),
    Menu: { buildFromTemplate: vi.fn(() => ({})), setApplicationMenu: vi.fn() },
    Notification: Object.assign(vi.fn(), { isSupported: vi.fn(() => true) }),
    nativeImage: { createFromPath: vi.fn(() => ({ resize: vi.fn() })), createFromDataURL: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
    utilityProcess: { fork: vi.fn() },
    MessageChannelMain: vi.fn(),
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
    net: { fetch: vi.fn() },
  };
});
