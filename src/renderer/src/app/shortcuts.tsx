import { useEffect, useRef } from 'react';
import { navigate, type Route, type SiteTab } from './router';

/** Second keys after `g`, and the site tab each opens. */
const GO_TABS: Record<string, SiteTab> = { b: 'backends', r: 'graphs', t: 'timeline', c: 'config', h: 'history', l: 'logs' };

/** The shortcuts as the help lists them. */
export const SHORTCUTS: readonly [string, string][] = [
  ['Ctrl/⌘ K', 'command palette: go to any site and view'],
  ['g o', 'overview'],
  ['g s', 'sites (add, edit, remove)'],
  ['g a', 'audit log'],
  ['g then b r t c h l', "this site's backends, graphs, timeline, config, config history, logs"],
  ['/', 'filter the list on screen'],
  ['j / k  or  ↓ / ↑', 'next / previous backend row'],
  ['Enter', "open the focused backend's detail"],
  ['Esc', 'close the detail, dialog or palette'],
  ['?', 'this help'],
];

export type ShortcutAction = { go: Route } | { focusFilter: true } | { help: true } | null;

/** Maps a key (after a `g` or not) to what it does on the current route; null when it does nothing. */
export function shortcutAction(key: string, afterG: boolean, route: Route): ShortcutAction {
  if (afterG) {
    if (key === 'o') return { go: { view: 'overview' } };
    if (key === 's') return { go: { view: 'sites' } };
    if (key === 'a') return { go: { view: 'audit' } };
    const tab = GO_TABS[key];
    if (tab && route.view === 'site') return { go: { view: 'site', site: route.site, tab } };
    return null;
  }
  if (key === '/') return { focusFilter: true };
  if (key === '?') return { help: true };
  return null;
}

function isTyping(t: EventTarget | null): boolean {
  return t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLElement && t.isContentEditable);
}

/** Global single-key shortcuts (ignored while typing in a field, and with Ctrl/Alt/⌘ held). */
export function useShortcuts(route: Route, toggleHelp: () => void): void {
  const latest = useRef({ route, toggleHelp });
  latest.current = { route, toggleHelp };
  useEffect(() => {
    let gAt = -Infinity;
    const on = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const afterG = e.timeStamp - gAt < 1500;
      gAt = -Infinity;
      if (e.key === 'g' && !afterG) {
        gAt = e.timeStamp;
        return;
      }
      const action = shortcutAction(e.key, afterG, latest.current.route);
      if (!action) return;
      e.preventDefault();
      if ('go' in action) navigate(action.go);
      else if ('help' in action) latest.current.toggleHelp();
      else document.querySelector<HTMLInputElement>('main input[type="search"]')?.focus();
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);
}

/** The list of shortcuts, opened with `?`. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="palette-backdrop" onClick={onClose}>
      <div
        className="palette shortcut-help"
        role="dialog"
        aria-label="Keyboard shortcuts"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2>Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <div className="dialog-buttons">
          <button type="button" ref={close} onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
