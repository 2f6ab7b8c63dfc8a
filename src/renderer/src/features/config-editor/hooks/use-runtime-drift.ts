import { useCallback, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FrontendInfo } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { siteKeys } from '../../../lib/query-keys';
import { runtimeFrontendsQueryOptions } from '../api/get-runtime';
import type { DocumentStore } from '../utils/document-store';
import type { ModelParser } from '../utils/model-parser';
import { runtimeDrifts, type Drift } from '../utils/runtime-drift';
import type { EditOptions } from './use-config-edit';
import { useConfigModel } from './use-config-model';
import type { ConfigEdit } from '../../../../../shared/model';

export interface DriftMessage {
  ok: boolean;
  text: string;
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Compares the running weights (kept fresh by pushed `health:changed` batches) with the SAVED file, and
 * offers both ways to make them agree: write the running weight into the file (applied at once when
 * there is no draft; into the draft, and said so, when there is one) or revert the running weight.
 */
export function useRuntimeDrift(opts: { site: string; store: DocumentStore; savedText: string; enabled: boolean; parser: ModelParser; edit: (e: ConfigEdit[], o?: EditOptions) => Promise<boolean> }) {
  const { site, store, savedText, enabled, parser, edit } = opts;
  const bridge = useBridge();
  const qc = useQueryClient();
  // Refetched whenever the tab opens: a weight set by another client reaches this window only if the host pushes it.
  const runtime = useQuery({ ...runtimeFrontendsQueryOptions(bridge, site), enabled, refetchOnMount: 'always' });
  const saved = useConfigModel(savedText, parser).result;
  const drifts = useMemo(() => (runtime.data && saved?.ok ? runtimeDrifts(runtime.data, saved.model) : new Map<string, Drift>()), [runtime.data, saved]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<DriftMessage | null>(null);

  const write = useCallback(
    async (d: Drift) => {
      const setWeight: ConfigEdit = { op: 'set-weight', frontend: d.frontend, pool: d.pool, backend: d.backend, weight: d.runtime };
      const who = `${d.backend} in ${d.frontend} / ${d.pool}`;
      setBusy(true);
      try {
        if (store.getSnapshot().dirty) {
          const ok = await edit([setWeight]);
          setMessage(ok ? { ok: true, text: `Wrote weight ${d.runtime} of ${who} into the draft — not saved yet: Apply saves it with your other changes.` } : null);
          return;
        }
        const base = store.getSnapshot().savedText;
        const { text } = await bridge.invoke('config:edit', { text: base, edits: [setWeight] });
        const r = await bridge.invoke('config:apply', { site, text });
        store.change(text, { origin: 'apply' });
        store.markSaved(text);
        setMessage({ ok: true, text: `Wrote weight ${d.runtime} of ${who} into the file and reloaded in ${Math.round(r.elapsedMs)} ms.` });
        void qc.invalidateQueries({ queryKey: ['sites', site] });
      } catch (e) {
        setMessage({ ok: false, text: `Not written: ${errText(e)}` });
      } finally {
        setBusy(false);
      }
    },
    [bridge, edit, qc, site, store],
  );

  const revert = useCallback(
    async (d: Drift) => {
      setBusy(true);
      try {
        const fe = await bridge.invoke('backends:set-weight', { site, frontend: d.frontend, pool: d.pool, backend: d.backend, weight: d.file });
        qc.setQueryData<FrontendInfo[]>(siteKeys.frontends(site), (old) => old?.map((f) => (f.name === fe.name ? fe : f)));
        setMessage({ ok: true, text: `${d.backend} in ${d.frontend} / ${d.pool} runs at the file's weight ${d.file} again.` });
      } catch (e) {
        setMessage({ ok: false, text: `Not reverted: ${errText(e)}` });
      } finally {
        setBusy(false);
      }
    },
    [bridge, qc, site],
  );

  const actions = useMemo(() => ({ write: (d: Drift) => void write(d), revert: (d: Drift) => void revert(d), busy }), [write, revert, busy]);
  return { drifts, actions, message, clearMessage: () => setMessage(null) };
}
