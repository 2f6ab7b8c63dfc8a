import { useDeferredValue, useEffect, useState } from 'react';
import type { ModelResult } from '../utils/config-model';
import type { ModelParser } from '../utils/model-parser';

/** A burst of changes to a large text is parsed once, this long after the last one. */
const WORKER_DEBOUNCE_MS = 120;

/** Creates the worker that parses large texts (the window's `Worker`, or null where there is none). */
export function parseWorkerFactory(): (() => Worker) | null {
  if (typeof Worker === 'undefined') return null;
  return () => new Worker(new URL('../workers/parse-model.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * The visual editor's model of `text`. Small files parse in place (deferred, so typing never waits);
 * large ones on the parser's worker, newest text wins, while the last model stays on screen (`pending`).
 */
export function useConfigModel(text: string, parser: ModelParser): { result: ModelResult | null; pending: boolean } {
  const deferred = useDeferredValue(text);
  const now = parser.peek(deferred);
  const [parsed, setParsed] = useState<{ text: string; result: ModelResult } | null>(null);
  useEffect(() => {
    if (now) return;
    let live = true;
    const t = setTimeout(() => void parser.parse(deferred).then((result) => live && setParsed({ text: deferred, result })), WORKER_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [deferred, now, parser]);
  if (now) return { result: now, pending: deferred !== text };
  return { result: parsed?.result ?? null, pending: parsed?.text !== text };
}
