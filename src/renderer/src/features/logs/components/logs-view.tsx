import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { LOG_LEVELS, type LogLevel, type LogRecord } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { formatTime } from '../../../components/format';

const KEEP = 2000;

/** Live log records of a site at a chosen level (subscribes on the host; unsubscribes on leave). */
export function LogsView({ site }: { site: string }) {
  const bridge = useBridge();
  const [level, setLevel] = useState<LogLevel>('info');
  const [records, setRecords] = useState<LogRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    let live = true;
    setError(null);
    bridge
      .invoke('logs:recent', { site, level, limit: 500 })
      .then((r) => live && setRecords(r.slice(-KEEP)))
      .catch((e: Error) => live && setError(e.message));
    bridge.invoke('logs:subscribe', { site, level }).catch((e: Error) => live && setError(e.message));
    const off = bridge.on('logs:appended', (batch) => {
      if (batch.site !== site || !live) return;
      setRecords((cur) => [...cur, ...batch.records].slice(-KEEP));
    });
    return () => {
      live = false;
      off();
      bridge.invoke('logs:subscribe', { site, level: null }).catch(() => {});
    };
  }, [bridge, site, level]);
  const [shown, setShown] = useState<LogRecord[]>([]);
  useEffect(() => {
    if (!paused) setShown(records);
  }, [records, paused]);
  const list = useRef<HTMLOListElement>(null);
  // Follow the newest record (last) unless the user paused to read.
  useLayoutEffect(() => {
    if (!paused && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [shown, paused]);
  return (
    <section aria-label="Logs">
      <div className="toolbar">
        <label>
          Level{' '}
          <select aria-label="Log level" value={level} onChange={(e) => setLevel(e.target.value as LogLevel)}>
            {LOG_LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setPaused((p) => !p)} aria-pressed={paused}>
          {paused ? 'Resume scrolling' : 'Pause scrolling'}
        </button>
        <span className="muted">{shown.length} records (newest last)</span>
        {error && <span role="alert">{error}</span>}
      </div>
      <ol ref={list} className="log-list" aria-label="Log records">
        {shown.slice(-500).map((r, i) => (
          <li key={`${r.atMs}-${i}`} className={`log-${r.level}`}>
            <span className="muted">{formatTime(r.atMs)}</span> <strong>{r.level.toUpperCase()}</strong> {r.msg}{' '}
            <code>
              {Object.entries(r.attrs)
                .filter(([k]) => k !== 'module')
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')}
            </code>
          </li>
        ))}
      </ol>
    </section>
  );
}
