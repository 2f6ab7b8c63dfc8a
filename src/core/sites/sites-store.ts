import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Document } from 'yaml';
import { CodedError, toAppError } from '../util';
import type { SitesFileParse } from './sites-file';
import { formatSitesIssue, parseSitesFile } from './sites-file';
import { createEmptySitesDocument } from './sites-document';
import { saveConfigAtomically } from './config-adapter';

/** What reading sites.yaml found. */
export type SitesFileRead =
  | { kind: 'missing' }
  | { kind: 'unreadable'; message: string }
  | { kind: 'parsed'; parsed: SitesFileParse };

/** Reads and edits sites.yaml. */
export interface SitesStore {
  readonly path: string;
  read(): Promise<SitesFileRead>;
  /**
   * Reads the file fresh, lets `change` edit its document (a new one when the file is missing), checks
   * that the entry at the returned index is valid, then writes the file atomically.
   */
  edit(change: (doc: Document) => number | null): Promise<void>;
}

/** Creates the store of the sites file at `path`. */
export function createSitesStore(path: string): SitesStore {
  const fileName = basename(path);

  async function read(): Promise<SitesFileRead> {
    try {
      return { kind: 'parsed', parsed: parseSitesFile(await readFile(path, 'utf8')) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'unreadable', message: `cannot read ${path}: ${toAppError(e).message}` };
    }
  }

  return {
    path,
    read,
    async edit(change) {
      const current = await read();
      if (current.kind === 'unreadable') throw new CodedError('UNAVAILABLE', current.message);
      let doc: Document;
      if (current.kind === 'missing') doc = createEmptySitesDocument();
      else if (current.parsed.fatal || !current.parsed.doc) {
        const first = current.parsed.issues[0];
        throw new CodedError('FAILED_PRECONDITION', `${path} has errors; fix it by hand first${first ? `: ${formatSitesIssue(first, fileName)}` : ''}`);
      } else doc = current.parsed.doc;
      const index = change(doc);
      const text = doc.toString();
      if (index !== null) {
        const after = parseSitesFile(text);
        const prefix = `sites[${index}]`;
        const problem = after.issues.find((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));
        if (problem) throw new CodedError('INVALID_ARGUMENT', formatSitesIssue(problem, fileName));
      }
      await mkdir(dirname(path), { recursive: true });
      try {
        // The same atomic save as maglev.yaml: temp file, fsync, rename, fsync of the directory.
        await saveConfigAtomically(path, text);
      } catch (e) {
        throw new CodedError('UNAVAILABLE', toAppError(e).message, { cause: e });
      }
    },
  };
}
