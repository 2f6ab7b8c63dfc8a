import { describe, expect, it, vi } from 'vitest';
import { buildMuteSubmenu, muteEntries } from './mute-menu';
import { buildAppMenuTemplate } from './app-menu';
import { buildTrayMenuTemplate } from '../tray/tray-menu';
import { summarizeHealth } from '../tray/health-summary';

const names = (id: string) => ({ s1: 'Alpha', s2: 'Beta' })[id] ?? id;

describe('mute menu', () => {
  it('lists down and muted backends once each, sorted, with their mute state', () => {
    const e = muteEntries(
      [
        { site: 's2', backend: 'b' },
        { site: 's1', backend: 'z' },
        { site: 's1', backend: 'a' },
      ],
      [{ site: 's2', backend: 'b' }, { site: 's1', backend: 'old' }],
      names,
    );
    expect(e.map((x) => `${x.siteName}/${x.backend}:${x.muted}`)).toEqual(['Alpha/a:false', 'Alpha/old:true', 'Alpha/z:false', 'Beta/b:true']);
  });

  it('toggles a mute on click and unmutes all', () => {
    const actions = { setMuted: vi.fn(), unmuteAll: vi.fn() };
    const items = buildMuteSubmenu(muteEntries([{ site: 's1', backend: 'a' }], [{ site: 's2', backend: 'b' }], names), actions);
    expect(items.map((i) => i.label ?? i.type)).toEqual(['Alpha / a', 'Beta / b', 'separator', 'Unmute all']);
    items[0]!.click!({} as never, undefined, {} as never);
    items[1]!.click!({} as never, undefined, {} as never);
    expect(actions.setMuted.mock.calls).toEqual([
      ['s1', 'a', true],
      ['s2', 'b', false],
    ]);
    items[3]!.click!({} as never, undefined, {} as never);
    expect(actions.unmuteAll).toHaveBeenCalledOnce();
  });

  it('says so when nothing is down and disables "Unmute all"', () => {
    const items = buildMuteSubmenu([], { setMuted: vi.fn(), unmuteAll: vi.fn() });
    expect(items[0]).toMatchObject({ label: 'No backend is down', enabled: false });
    expect(items.at(-1)).toMatchObject({ label: 'Unmute all', enabled: false });
  });
});

describe('menus', () => {
  const actions = { setMuted: vi.fn(), unmuteAll: vi.fn(), show: vi.fn(), quit: vi.fn() };

  it('puts the health text first in the tray menu and wires show and quit', () => {
    const t = buildTrayMenuTemplate(summarizeHealth([]), [], actions);
    expect(t[0]).toMatchObject({ label: 'no sites', enabled: false });
    t.find((i) => i.label === 'Show Maglev Monitor')!.click!({} as never, undefined, {} as never);
    t.find((i) => i.label === 'Quit')!.click!({} as never, undefined, {} as never);
    expect(actions.show).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });

  it('offers DevTools only in development', () => {
    const roles = (devTools: boolean) =>
      JSON.stringify(buildAppMenuTemplate({ platform: 'linux', devTools, mutes: [] }, actions));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
    expect(JSON.stringify(buildAppMenuTemplate({ platform: 'darwin', devTools: false, mutes: [] }, actions))).toContain('appMenu');
  });
});
