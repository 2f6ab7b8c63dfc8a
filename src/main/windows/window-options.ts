/**
 * The window's options as a pure function, so that every security-relevant setting is asserted by a
 * unit test (docs/security.md explains each one).
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload script. */
  preloadPath: string;
  title: string;
  iconPath?: string;
  /** DevTools stay available in development only. */
  devTools: boolean;
}

/** Returns the BrowserWindow options of the main window. */
export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 860,
    minHeight: 520,
    // Shown on `ready-to-show` so that the user never sees an empty frame.
    show: false,
    title: input.title,
    backgroundColor: '#10151c',
    ...(input.iconPath !== undefined && { icon: input.iconPath }),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // Middle-click (auxclick) can open windows without a 'click' event; the open handler denies them anyway.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      plugins: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}
