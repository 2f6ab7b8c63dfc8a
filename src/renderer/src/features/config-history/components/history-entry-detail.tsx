import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../../../lib/bridge-context';
import { configHistoryEntryQueryOptions, currentConfigQueryOptions } from '../api/get-config-history';
import { formatBytes, formatStamp } from './format-stamp';
import { DiffPanel } from '../../../components/diff-panel';
import { useMergeView } from './use-merge-view';

function SideBySide({ a, b, labelA, labelB }: { a: string; b: string; labelA: string; labelB: string }) {
  const [onlyChanges, setOnlyChanges] = useState(false);
  const host = useMergeView({ a, b, labelA, labelB, onlyChanges });
  return (
    <>
      <div className="history-merge-head">
        <span>
          <span className="diff-legend diff-legend-a" aria-hidden="true" /> {labelA}
        </span>
        <label>
          <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} /> Only changed lines
        </label>
        <span>
          <span className="diff-legend diff-legend-b" aria-hidden="true" /> {labelB}
        </span>
      </div>
      {a === b && (
        <p className="muted" role="status">
          Identical to the current file.
        </p>
      )}
      <div ref={host} className="history-merge" role="group" aria-label="This version beside the current file" />
    </>
  );
}

/**
 * One applied config: who applied it and when, its text beside the current file (read-only), what
 * applying it did, and Restore, which only opens it in the editor as a draft.
 */
export function HistoryEntryDetail({ site, id, restoreHref }: { site: string; id: string; restoreHref: string | null }) {
  const bridge = useBridge();
  const entry = useQuery(configHistoryEntryQueryOptions(bridge, site, id));
  const current = useQuery(currentConfigQueryOptions(bridge, site));
  if (entry.error) return <p role="alert">Could not read this version: {entry.error.message}</p>;
  if (!entry.data) return <p className="muted">Loading version…</p>;
  const e = entry.data.entry;
  const when = formatStamp(e.atMs);
  return (
    <section className="history-detail" aria-label={`config applied ${when}`}>
      <div className="toolbar">
        <h3>
          Applied {when} by {e.user}@{e.host}
        </h3>
        <span className="muted">
          via {e.origin} · {e.path} · {formatBytes(e.bytes)}
        </span>
        <span className="spacer" />
        {restoreHref ? (
          <a className="button-link" href={restoreHref} title="Opens this text in the config editor as a draft; nothing changes until you Validate and Apply">
            Restore in editor…
          </a>
        ) : (
          <span className="muted">Read-only: restoring needs a session that may apply configs.</span>
        )}
      </div>
      {current.error && <p role="alert">Could not read the current file: {current.error.message}</p>}
      {current.data ? (
        <SideBySide a={entry.data.text} b={current.data.text} labelA={`This version (${when})`} labelB={`Current file (${current.data.path})`} />
      ) : (
        !current.error && <p className="muted">Loading the current file…</p>
      )}
      <DiffPanel diff={e.diff} title="What applying it did" tense="past" level={4} />
    </section>
  );
}
