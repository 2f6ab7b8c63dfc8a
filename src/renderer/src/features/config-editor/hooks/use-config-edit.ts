import { useCallback, useRef, useState } from 'react';
import type { ConfigEdit } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import type { DocumentStore } from '../utils/document-store';

export interface EditOptions {
  /** Same-key edits in a row merge into one undo step (a slider dragged, a field typed into). */
  key?: string;
  mergeMs?: number;
}

/** Why the host refused an edit, shown until the next edit succeeds or the user dismisses it. */
export interface EditFailure {
  code: string;
  message: string;
}

const MAX_RETRIES = 3;

/**
 * Sends structured edits to the host (`config:edit`) and puts the answer into the document. Edits run
 * one at a time, in order. If the text changed while one was on its way (typing in the YAML view),
 * the edit is made again on the new text instead of overwriting that typing.
 */
export function useConfigEdit(store: DocumentStore) {
  const bridge = useBridge();
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [failure, setFailure] = useState<EditFailure | null>(null);

  const run = useCallback(
    async (edits: ConfigEdit[], opts: EditOptions): Promise<boolean> => {
      for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
        const base = store.getSnapshot().text;
        try {
          const { text } = await bridge.invoke('config:edit', { text: base, edits });
          if (store.getSnapshot().text !== base) continue;
          store.change(text, { origin: 'visual', key: opts.key, mergeMs: opts.mergeMs });
          setFailure(null);
          return true;
        } catch (e) {
          const code = typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'INTERNAL';
          setFailure({ code, message: e instanceof Error ? e.message : String(e) });
          return false;
        }
      }
      setFailure({ code: 'ABORTED', message: 'the YAML kept changing while the edit was made; try again' });
      return false;
    },
    [bridge, store],
  );

  const edit = useCallback(
    (edits: ConfigEdit[], opts: EditOptions = {}): Promise<boolean> => {
      const next = chain.current.then(() => run(edits, opts));
      chain.current = next.catch(() => false);
      return next;
    },
    [run],
  );

  return { edit, failure, setFailure, clearFailure: useCallback(() => setFailure(null), []) };
}
