import { useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'maglev-monitor.theme';

/** Returns the theme (stored choice, else the OS preference) and a toggle; sets `data-theme` on <html>. */
export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(() => {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
    return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
  });
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  // Until the user picks a theme, follow the OS when it switches (e.g. at dusk).
  useEffect(() => {
    const mq = window.matchMedia?.('(prefers-color-scheme: light)');
    if (!mq) return;
    const on = () => {
      if (!localStorage.getItem(KEY)) setTheme(mq.matches ? 'light' : 'dark');
    };
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  const toggle = () =>
    setTheme((t) => {
      const next = t === 'dark' ? 'light' : 'dark';
      localStorage.setItem(KEY, next);
      return next;
    });
  return [theme, toggle];
}
