// Worker entry: parses, validates and edits configs off the site host's checker thread (config-thread.ts).
import { parentPort } from 'node:worker_threads';
import type { ConfigThreadReply, ConfigThreadRequest } from './config-thread-protocol';
import { runConfigRequest } from './config-thread-protocol';

parentPort?.on('message', (req: ConfigThreadRequest) => {
  let result: ConfigThreadReply['result'];
  try {
    result = runConfigRequest(req);
  } catch (e) {
    // The loader and the edits return errors as values; this is a bug, answered as a value too.
    const message = `internal error: ${e instanceof Error ? e.message : String(e)}`;
    result =
      req.op === 'edit'
        ? { ok: false, error: { code: 'INTERNAL', message } }
        : {
            ok: false,
            kind: 'parse',
            issues: [{ kind: 'parse', path: '', line: 1, col: 1, message }],
            warnings: [],
          };
  }
  parentPort?.postMessage({ id: req.id, result } satisfies ConfigThreadReply);
});
