import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ConfigDiff } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import type { DocumentStore } from '../utils/document-store';
import { diffWarnings } from '../../../utils/diff-warnings';
import type { Checked } from './use-validation';

export interface Applied {
  diff: ConfigDiff;
  elapsedMs: number;
  savedTo: string;
  /** The document version it was applied at: the result shows until the next change. */
  version: number;
}

/**
 * Apply: never without a valid verdict and the reload diff for exactly the text being applied; when
 * that diff restarts many backends or empties a pool, only after an explicit "Apply anyway".
 * Afterwards the file is the document's saved text and every query of the site is refetched.
 */
export function useApply(opts: { site: string; store: DocumentStore; version: number; ensure: () => Promise<Checked | null> }) {
  const { site, store, version, ensure } = opts;
  const bridge = useBridge();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState<{ text: string; warnings: string[]; restarted: string[] } | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // A change of the document voids a pending confirmation and the shown result.
  useEffect(() => {
    setConfirm((c) => (c && c.text !== store.getSnapshot().text ? null : c));
    setApplied((a) => (a && a.version !== version ? null : a));
  }, [version, store]);

  const apply = useCallback(
    async (text: string) => {
      setPending(true);
      setConfirm(null);
      setError(null);
      try {
        const r = await bridge.invoke('config:apply', { site, text });
        store.markSaved(text);
        setApplied({ ...r, version: store.getSnapshot().version });
        void qc.invalidateQueries({ queryKey: ['sites', site] });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setPending(false);
      }
    },
    [bridge, qc, site, store],
  );

  const request = useCallback(async () => {
    setError(null);
    const c = await ensure();
    if (!c || !c.validation.ok || c.text !== store.getSnapshot().text) return;
    const warnings = c.diff ? diffWarnings(c.diff) : [];
    if (warnings.length) setConfirm({ text: c.text, warnings, restarted: c.diff?.backends.restarted ?? [] });
    else await apply(c.text);
  }, [apply, ensure, store]);

  return {
    request,
    confirm,
    applyAnyway: () => confirm && void apply(confirm.text),
    cancel: () => setConfirm(null),
    applied,
    error,
    pending,
  };
}
