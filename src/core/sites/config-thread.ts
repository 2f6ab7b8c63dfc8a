/**
 * Config work off the checker's thread. Parsing and validating a 10,000-backend maglev.yaml takes
 * about half a second and a structured edit about a second (two parses); in the app's site host and
 * the web host that thread also schedules every probe, so each click of the visual editor would make
 * every probe late (spec/config.md: never parse on the thread that schedules probes). This runs the
 * loader and the structured edits on a worker thread; when no worker can start, or it dies, the work
 * falls back to this thread (slower for the probes, never a failed request).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ConfigEdit } from '../../shared/model';
import type { EditResult } from '../config';
import { applyConfigEdits } from '../config';
import type { Logger } from '../log';
import type { Loaded } from './config-adapter';
import { loadText } from './config-adapter';
import type { ConfigThreadReply, ConfigThreadRequest } from './config-thread-protocol';
import { runConfigRequest } from './config-thread-protocol';

export interface ConfigThread {
  /** Parses and validates config text. */
  load(text: string, fileName: string): Promise<Loaded>;
  /** Applies structured edits (all or none). */
  edit(text: string, edits: readonly ConfigEdit[]): Promise<EditResult>;
  /** True while work goes to the worker thread. */
  usesWorker(): boolean;
  dispose(): Promise<void>;
}

/** The same work on the calling thread (tests, and hosts that run no checker). */
export function createInlineConfigThread(): ConfigThread {
  return {
    load: async (text, fileName) => loadText(text, fileName),
    edit: async (text, edits) => applyConfigEdits(text, edits),
    usesWorker: () => false,
    dispose: async () => undefined,
  };
}

/** The built `config-thread-worker.js` beside the bundle, else the TypeScript entry through tsx. */
function spawn(dir: string): Worker | null {
  const built = join(dir, 'config-thread-worker.js');
  if (existsSync(built)) return new Worker(built);
  const source = join(dir, 'config-thread-worker.ts');
  if (!existsSync(source)) return null;
  const tsx = createRequire(source).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, {
    eval: true,
  });
}

/** Starts the worker thread (found in `dir`, default: beside this module or its bundle). */
export function createConfigThread(logger: Logger, dir: string = __dirname): ConfigThread {
  const pending = new Map<number, { req: ConfigThreadRequest; resolve: (r: Loaded | EditResult) => void }>();
  let nextId = 1;
  let worker: Worker | null = null;
  try {
    worker = spawn(dir);
    if (!worker) logger.warn('config-thread-unavailable', { error: `no config-thread-worker in ${dir}` });
  } catch (e) {
    logger.warn('config-thread-unavailable', { error: e instanceof Error ? e.message : String(e) });
  }
  /** Answers what the worker still owed on this thread. */
  const takeBack = (): void => {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.resolve(runConfigRequest(p.req));
    }
  };
  const abandon = (why: string): void => {
    if (!worker) return;
    logger.warn('config-thread-failed', { error: why });
    worker = null;
    takeBack();
  };
  if (worker) {
    worker.unref();
    worker.on('message', (m: ConfigThreadReply) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      p?.resolve(m.result);
    });
    worker.on('error', (e) => abandon(e.message));
    worker.on('exit', (code) => abandon(`exited with code ${code}`));
  }
  const run = (req: ConfigThreadRequest): Promise<Loaded | EditResult> => {
    const w = worker;
    if (!w) return Promise.resolve(runConfigRequest(req));
    return new Promise((resolve) => {
      pending.set(req.id, { req, resolve });
      w.postMessage(req);
    });
  };
  return {
    load: async (text, fileName) => (await run({ id: nextId++, op: 'load', text, fileName })) as Loaded,
    edit: async (text, edits) => (await run({ id: nextId++, op: 'edit', text, edits })) as EditResult,
    usesWorker: () => worker !== null,
    async dispose() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
      takeBack();
    },
  };
}
