import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../lib/bridge-context';
import { sitesQueryOptions } from '../features/overview/api/get-sites';
import { SITE_TABS, navigate, type Route } from './router';

interface Command {
  label: string;
  run: () => void;
}

/** Ctrl/Cmd-K: a filterable list of the frequent moves (go to a site's view, sites, audit log, theme). */
export function CommandPalette({ toggleTheme }: { toggleTheme: () => void }) {
  const bridge = useBridge();
  const sites = useQuery(sitesQueryOptions(bridge));
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [sel, setSel] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => !o);
        setText('');
        setSel(0);
      } else if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  const commands = useMemo<Command[]>(() => {
    const go = (label: string, route: Route): Command => ({ label, run: () => navigate(route) });
    const list: Command[] = [go('Overview', { view: 'overview' }), go('Sites: add, edit, remove', { view: 'sites' }), go('Audit log: who did what', { view: 'audit' }), { label: 'Toggle dark/light theme', run: toggleTheme }];
    for (const s of sites.data ?? []) for (const tab of SITE_TABS) list.push(go(`${s.name}: ${tab}`, { view: 'site', site: s.id, tab }));
    return list;
  }, [sites.data, toggleTheme]);
  const needle = text.toLowerCase();
  const shown = commands.filter((c) => c.label.toLowerCase().includes(needle)).slice(0, 12);
  if (!open) return null;
  const run = (c: Command | undefined) => {
    if (!c) return;
    setOpen(false);
    c.run();
  };
  return (
    <div className="palette-backdrop" onClick={() => setOpen(false)}>
      <div className="palette" role="dialog" aria-label="Command palette" onClick={(e) => e.stopPropagation()}>
        <input
          ref={input}
          type="search"
          aria-label="Command"
          placeholder="Go to…"
          value={text}
          onChange={(e) => (setText(e.target.value), setSel(0))}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setSel((i) => Math.min(shown.length - 1, i + 1));
            else if (e.key === 'ArrowUp') setSel((i) => Math.max(0, i - 1));
            else if (e.key === 'Enter') run(shown[sel]);
            else return;
            e.preventDefault();
          }}
        />
        <ul role="listbox" aria-label="Commands">
          {shown.map((c, i) => (
            <li key={c.label} role="option" aria-selected={i === sel} onClick={() => run(c)}>
              {c.label}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
