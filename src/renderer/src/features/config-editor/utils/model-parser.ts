import { parseConfigModel, type ModelResult } from './config-model';

/** Texts up to this size are parsed in the window (a few ms); larger ones on a worker. */
export const SYNC_PARSE_LIMIT = 100_000;

/** Parses config texts into models for one editor: in place when small, on one worker when large. */
export interface ModelParser {
  /** The result when it is at hand now (small text, or cached), else undefined. */
  peek(text: string): ModelResult | undefined;
  parse(text: string): Promise<ModelResult>;
  dispose(): void;
}

type Pending = { resolve: (r: ModelResult) => void; text: string };

/**
 * Creates the parser. The draft and the saved text are usually the same text, so the last results are
 * kept and shared (a 10,000-backend file costs seconds per parse, even on a worker). Without Worker
 * support (tests) everything parses in place.
 */
export function createModelParser(createWorker: (() => Worker) | null): ModelParser {
  const cache: { text: string; result: ModelResult }[] = [];
  const remember = (text: string, result: ModelResult) => {
    cache.unshift({ text, result });
    cache.length = Math.min(cache.length, 3);
    return result;
  };
  const inFlight = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 1;
  const ensureWorker = (make: () => Worker): Worker => {
    if (worker) return worker;
    worker = make();
    worker.addEventListener('message', (e: MessageEvent<{ id: number; result: ModelResult }>) => {
      const p = inFlight.get(e.data.id);
      inFlight.delete(e.data.id);
      if (p) p.resolve(remember(p.text, e.data.result));
    });
    return worker;
  };
  const peek = (text: string) => {
    const hit = cache.find((c) => c.text === text);
    if (hit) return hit.result;
    if (text.length <= SYNC_PARSE_LIMIT || !createWorker) return remember(text, parseConfigModel(text));
    return undefined;
  };
  return {
    peek,
    parse(text) {
      const now = peek(text);
      if (now || !createWorker) return Promise.resolve(now ?? parseConfigModel(text));
      const same = [...inFlight.values()].find((p) => p.text === text);
      return new Promise((resolve) => {
        if (same) {
          const prev = same.resolve;
          same.resolve = (r) => {
            prev(r);
            resolve(r);
          };
          return;
        }
        const id = nextId++;
        inFlight.set(id, { resolve, text });
        ensureWorker(createWorker).postMessage({ id, text });
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      inFlight.clear();
    },
  };
}
