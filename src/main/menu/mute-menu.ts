/**
 * The "Mute notifications" submenu shared by the tray and the application menu: one checkbox per
 * backend that is down or muted now, plus "Unmute all". Pure, so that its items are unit-tested.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MuteEntry {
  site: string;
  siteName: string;
  backend: string;
  muted: boolean;
}

export interface MuteActions {
  setMuted(site: string, backend: string, muted: boolean): void;
  unmuteAll(): void;
}

/** Merges the down and muted backends into one sorted list of entries. */
export function muteEntries(
  down: readonly { site: string; backend: string }[],
  muted: readonly { site: string; backend: string }[],
  siteName: (site: string) => string,
): MuteEntry[] {
  const byKey = new Map<string, MuteEntry>();
  for (const d of down) byKey.set(JSON.stringify([d.site, d.backend]), { ...d, siteName: siteName(d.site), muted: false });
  for (const m of muted) byKey.set(JSON.stringify([m.site, m.backend]), { ...m, siteName: siteName(m.site), muted: true });
  return [...byKey.values()].sort((a, b) => a.siteName.localeCompare(b.siteName) || a.backend.localeCompare(b.backend));
}

/** Returns the submenu items. */
export function buildMuteSubmenu(entries: readonly MuteEntry[], actions: MuteActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = entries.map((e) => ({
    label: `${e.siteName} / ${e.backend}`,
    type: 'checkbox',
    checked: e.muted,
    click: () => actions.setMuted(e.site, e.backend, !e.muted),
  }));
  if (items.length === 0) items.push({ label: 'No backend is down', enabled: false });
  items.push({ type: 'separator' }, { label: 'Unmute all', enabled: entries.some((e) => e.muted), click: () => actions.unmuteAll() });
  return items;
}
