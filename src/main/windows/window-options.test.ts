import { describe, expect, it } from 'vitest';
import { createWindowOptions } from './window-options';

describe('createWindowOptions', () => {
  const opts = createWindowOptions({ preloadPath: '/app/out/preload/index.js', title: 'Maglev Monitor', devTools: false });
  const web = opts.webPreferences!;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['enableBlinkFeatures', ''],
    ['disableBlinkFeatures', 'Auxclick'],
    ['webviewTag', false],
    ['plugins', false],
    ['navigateOnDragDrop', false],
    ['devTools', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(web[key]).toBe(value);
  });

  it('loads only our preload and shows the window when it is ready', () => {
    expect(web.preload).toBe('/app/out/preload/index.js');
    expect(opts.show).toBe(false);
    expect(opts.title).toBe('Maglev Monitor');
  });

  it('keeps DevTools in development', () => {
    expect(createWindowOptions({ preloadPath: '/p', title: 't', devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('never sets an option that weakens isolation', () => {
    const text = JSON.stringify(opts);
    expect(text).not.toMatch(/enableRemoteModule|nodeIntegration":true|contextIsolation":false|sandbox":false/);
  });
});
