// What the site host and its config worker thread say to each other (config-thread.ts). Kept apart
// from config-thread.ts so that bundlers do not move createConfigThread (which finds the worker by
// its own __dirname) into a chunk shared with the worker entry.
import type { ConfigEdit } from '../../shared/model';
import type { EditResult } from '../config';
import { applyConfigEdits } from '../config';
import type { Loaded } from './config-adapter';
import { loadText } from './config-adapter';

/** A request to the worker and its answer. */
export type ConfigThreadRequest =
  | { id: number; op: 'load'; text: string; fileName: string }
  | { id: number; op: 'edit'; text: string; edits: readonly ConfigEdit[] };
export interface ConfigThreadReply {
  id: number;
  result: Loaded | EditResult;
}

/** Carries out one request (the worker's body; also the fallback on this thread). */
export function runConfigRequest(req: ConfigThreadRequest): Loaded | EditResult {
  return req.op === 'load' ? loadText(req.text, req.fileName) : applyConfigEdits(req.text, req.edits);
}
