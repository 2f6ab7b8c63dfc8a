import { useQuery } from '@tanstack/react-query';
import type { ConfigHistoryEntry } from '../../../../../shared/model';
import { BridgeError } from '../../../lib/bridge';
import { useBridge } from '../../../lib/bridge-context';
import { Age } from '../../../components/age';
import { configHistoryQueryOptions } from '../api/get-config-history';
import { summarizeDiff } from './diff-summary';
import { formatStamp } from './format-stamp';
import { HistoryEntryDetail } from './history-entry-detail';

function Summary({ entry }: { entry: ConfigHistoryEntry }) {
  const parts = summarizeDiff(entry.diff);
  if (parts.length === 0) return <span className="muted">no change</span>;
  return (
    <span className="history-summary">
      {parts.map((p) => (
        <span key={p.text} className={`sum-${p.kind}`} title={p.title}>
          {p.text}
        </span>
      ))}
    </span>
  );
}

function HistoryTable({ entries, selected, entryHref }: { entries: ConfigHistoryEntry[]; selected?: string; entryHref: (id: string) => string }) {
  return (
    <div className="history-list">
      <table aria-label="Applied configs, newest first">
        <thead>
          <tr>
            <th>Applied</th>
            <th>Age</th>
            <th>By</th>
            <th>Via</th>
            <th>What it did</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr
              key={e.id}
              aria-current={e.id === selected ? 'true' : undefined}
              className="history-row"
              onClick={(ev) => {
                if (!(ev.target instanceof HTMLAnchorElement)) window.location.hash = entryHref(e.id);
              }}
            >
              <th scope="row">
                <a href={entryHref(e.id)}>{formatStamp(e.atMs)}</a>
              </th>
              <td className="muted">
                <Age atMs={e.atMs} />
              </td>
              <td>
                {e.user}@{e.host}
              </td>
              <td>{e.origin}</td>
              <td>
                <Summary entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface ConfigHistoryViewProps {
  site: string;
  /** False for a remote site: its config lives on the daemon's host and no history is kept here. */
  local: boolean;
  /** The entry shown below the list (the route's focus). */
  selected?: string;
  entryHref: (id: string) => string;
  /** Where Restore goes (the config tab with the entry); null when this session may not apply. */
  restoreHref: ((id: string) => string) | null;
}

const REMOTE_NOTE = 'Config history is kept for local sites: this site’s config file lives on the daemon’s host.';

/** The configs applied to a site, newest first; the selected one beside the current file. */
export function ConfigHistoryView({ site, local, selected, entryHref, restoreHref }: ConfigHistoryViewProps) {
  const bridge = useBridge();
  const q = useQuery(configHistoryQueryOptions(bridge, site, local));
  if (!local) return <p className="muted">{REMOTE_NOTE}</p>;
  if (q.error) {
    if (!(q.error instanceof BridgeError) || q.error.code === 'UNAVAILABLE' || q.error.code === 'INTERNAL') {
      return <p role="alert">Could not read the history: {q.error.message}</p>;
    }
    // Any other answer means the host keeps no history for this site: a fact, not a failure.
    return (
      <div className="history-note">
        <p className="muted">History is kept for local sites; the host has none for this one.</p>
        <p className="muted">
          <small>{q.error.message}</small>
        </p>
      </div>
    );
  }
  if (!q.data) return <p className="muted">Loading history…</p>;
  if (q.data.length === 0) {
    return (
      <p className="muted">
        No config has been applied to this site from this host yet. Every Apply in the config tab is kept here (the newest 50), with who applied it and what it changed.
      </p>
    );
  }
  return (
    <section aria-label="Config history">
      <p className="muted history-hint">
        {q.data.length} applied config{q.data.length === 1 ? '' : 's'} (the newest 50 are kept).{' '}
        {!selected && 'Pick one to see its text beside the current file.'}
      </p>
      <HistoryTable entries={q.data} selected={selected} entryHref={entryHref} />
      {selected && <HistoryEntryDetail key={selected} site={site} id={selected} restoreHref={restoreHref ? restoreHref(selected) : null} />}
    </section>
  );
}
