import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadConfigFile, type LoadResult } from '../core/config';
import type { Logger } from '../core/log';

/** Loads config files for the daemon, off the main thread when it can. */
export interface ConfigReader {
  read(path: string): Promise<LoadResult>;
  /** True while reads go to the worker thread. */
  usesWorker(): boolean;
  dispose(): Promise<void>;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/**
 * Starts the worker: the bundle's `config-worker.js` next to this file, or the TypeScript entry
 * through tsx's require hook (sources, tests). Null when neither can run here.
 */
function spawnWorker(dir: string): Worker | null {
  const built = join(dir, 'config-worker.js');
  if (existsSync(built)) return new Worker(built);
  const source = join(dir, 'config-worker.ts');
  if (!existsSync(source)) return null;
  let tsx: string;
  try {
    tsx = createRequire(source).resolve('tsx/cjs/api');
  } catch {
    return null;
  }
  const code = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`;
  return new Worker(code, { eval: true });
}

/**
 * Creates the reader. If the worker cannot start or dies, reads fall back to this thread (the
 * old behaviour, with a warning) rather than failing a reload.
 */
export function createConfigReader(logger: Logger, dir: string = __dirname): ConfigReader {
  const pending = new Map<number, { path: string; resolve: (r: LoadResult) => void }>();
  let nextId = 1;
  let worker: Worker | null = null;
  try {
    worker = spawnWorker(dir);
  } catch (e) {
    logger.warn('config-worker-unavailable', { error: e instanceof Error ? e.message : String(e) });
  }
  const abandon = (why: string): void => {
    if (!worker) return;
    logger.warn('config-worker-failed', { error: why });
    worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      void loadConfigFile(p.path).then(p.resolve);
    }
  };
  if (worker) {
    worker.unref();
    worker.on('message', (m: { id: number; result: LoadResult }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      p?.resolve(deepFreeze(m.result));
    });
    worker.on('error', (e) => abandon(e.message));
    worker.on('exit', (code) => abandon(`exited with code ${code}`));
  }
  return {
    read(path) {
      if (!worker) return loadConfigFile(path);
      const id = nextId++;
      const w = worker;
      return new Promise((resolve) => {
        pending.set(id, { path, resolve });
        w.postMessage({ id, path });
      });
    },
    usesWorker: () => worker !== null,
    async dispose() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
