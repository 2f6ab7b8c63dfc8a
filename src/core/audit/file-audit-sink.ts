/**
 * The audit log as a file of JSON lines. Writes are queued on one promise chain so that concurrent records
 * never interleave; the file is rotated once (`path.1`) when it would pass `maxBytes`, so it stays bounded.
 * Auditing must never break the action it records: every failure is logged, never thrown to the caller.
 */
import { appendFile, readFile, rename, stat } from 'node:fs/promises';
import type { Logger } from '../log';
import { NULL_SINK, createLogger } from '../log';
import { toAppError } from '../util';

/** A file-backed audit log: `record` appends, `list` reads back. */
export interface FileAuditSink<T extends object> {
  /** Queues one record; returns at once and never throws. */
  record(entry: T): void;
  /** Resolves with the newest `limit` records, newest first (both files; unreadable lines are skipped). */
  list(limit: number): Promise<T[]>;
  /** Resolves when every record queued so far has been written (or has failed and been logged). */
  flush(): Promise<void>;
}

/** What the sink is built from. */
export interface FileAuditSinkOptions {
  /** Size at which the file is rotated to `path.1` (default 10 MiB). */
  maxBytes?: number;
  logger?: Logger;
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Creates an audit sink that appends JSON lines to `path`, with one rotation. */
export function createFileAuditSink<T extends object>(
  path: string,
  options: FileAuditSinkOptions = {},
): FileAuditSink<T> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const logger = options.logger ?? createLogger('audit', NULL_SINK);
  let size: number | null = null;
  let failing = false;
  let queue: Promise<void> = Promise.resolve();

  async function currentSize(): Promise<number> {
    if (size !== null) return size;
    try {
      return (await stat(path)).size;
    } catch {
      return 0;
    }
  }

  async function write(line: string): Promise<void> {
    try {
      const bytes = Buffer.byteLength(line);
      let s = await currentSize();
      if (s > 0 && s + bytes > maxBytes) {
        await rename(path, `${path}.1`);
        s = 0;
      }
      await appendFile(path, line, { mode: 0o600 });
      size = s + bytes;
      if (failing) logger.info('audit-write-recovered', { path });
      failing = false;
    } catch (e) {
      size = null; // re-read the size next time: the file may have been fixed or removed meanwhile
      // One error per outage, not one per record: a dead disk must not flood the log.
      if (!failing) logger.error('audit-write-failed', { path, error: toAppError(e).message });
      failing = true;
    }
  }

  async function readLines(file: string): Promise<T[]> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return [];
    }
    const out: T[] = [];
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        const v: unknown = JSON.parse(line);
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(v as T);
      } catch {
        // A torn last line after a crash: skip it rather than lose the whole log.
      }
    }
    return out;
  }

  return {
    record(entry) {
      let line: string;
      try {
        line = `${JSON.stringify(entry)}\n`;
      } catch (e) {
        logger.error('audit-encode-failed', { error: toAppError(e).message });
        return;
      }
      queue = queue.then(() => write(line));
    },
    async list(limit) {
      await queue;
      const all = [...(await readLines(`${path}.1`)), ...(await readLines(path))];
      return all.slice(Math.max(0, all.length - limit)).reverse();
    },
    flush: () => queue,
  };
}
