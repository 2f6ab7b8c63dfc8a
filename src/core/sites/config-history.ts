/**
 * The history of applied configs: every config applied from the app is kept (the newest `keep`, 50
 * by default, per site) in the app's data directory, as `<dir>/<site>/<id>.yaml` (the exact text) and
 * `<id>.json` (when, who, where, and what applying it did). Ids sort by time. Writes are atomic
 * (temporary file + rename), and one bad or foreign file in the directory is skipped, never fatal.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigHistoryEntry } from '../../shared/model';
import { ConfigHistoryEntrySchema } from '../../shared/model';

export interface ConfigHistoryStore {
  /** Keeps an applied config; drops the oldest beyond the limit. */
  record(
    site: string,
    meta: Omit<ConfigHistoryEntry, 'id' | 'bytes'>,
    text: string,
  ): Promise<ConfigHistoryEntry>;
  /** Newest first. */
  list(site: string): Promise<ConfigHistoryEntry[]>;
  /** One entry with its text, or null when there is none with that id. */
  get(site: string, id: string): Promise<{ entry: ConfigHistoryEntry; text: string } | null>;
}

export const DEFAULT_HISTORY_KEEP = 50;
const ID = /^\d{15}-[0-9a-f]{6}$/;

/** A directory name for a site id: the id itself when it is a plain slug, else a hash of it. */
function siteDir(site: string): string {
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(site)
    ? site
    : `h-${createHash('sha256').update(site).digest('hex').slice(0, 16)}`;
}

async function writeAtomically(path: string, data: string): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data, { mode: 0o600 });
  await rename(tmp, path);
}

/** Creates the history store rooted at `dir` (created on first record). */
export function createFileConfigHistory(dir: string, options: { keep?: number } = {}): ConfigHistoryStore {
  const keep = options.keep ?? DEFAULT_HISTORY_KEEP;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  async function ids(site: string): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(join(dir, siteDir(site)));
    } catch {
      return [];
    }
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .filter((id) => ID.test(id))
      .sort()
      .reverse();
  }

  async function readEntry(site: string, id: string): Promise<ConfigHistoryEntry | null> {
    try {
      const parsed = ConfigHistoryEntrySchema.safeParse(
        JSON.parse(await readFile(join(dir, siteDir(site), `${id}.json`), 'utf8')),
      );
      return parsed.success && parsed.data.id === id ? parsed.data : null;
    } catch {
      return null;
    }
  }

  return {
    record: (site, meta, text) =>
      serial(async () => {
        const folder = join(dir, siteDir(site));
        await mkdir(folder, { recursive: true, mode: 0o700 });
        // Ids sort by time; two applies in the same millisecond still sort in the order they happened.
        const before = await ids(site);
        const newest = before[0];
        const ms = Math.max(0, Math.floor(meta.atMs), newest ? Number(newest.slice(0, 15)) + 1 : 0);
        const id = `${String(ms).padStart(15, '0')}-${randomBytes(3).toString('hex')}`;
        const entry: ConfigHistoryEntry = { ...meta, id, bytes: Buffer.byteLength(text) };
        await writeAtomically(join(folder, `${id}.yaml`), text);
        await writeAtomically(join(folder, `${id}.json`), JSON.stringify(entry));
        // The new id sorts first (records are serial), so the folder now holds it and then `before`.
        for (const old of before.slice(keep - 1)) {
          await rm(join(folder, `${old}.json`), { force: true });
          await rm(join(folder, `${old}.yaml`), { force: true });
        }
        return entry;
      }),
    async list(site) {
      const entries = await Promise.all((await ids(site)).slice(0, keep).map((id) => readEntry(site, id)));
      return entries.filter((e): e is ConfigHistoryEntry => e !== null);
    },
    async get(site, id) {
      if (!ID.test(id)) return null;
      const entry = await readEntry(site, id);
      if (!entry) return null;
      try {
        return { entry, text: await readFile(join(dir, siteDir(site), `${id}.yaml`), 'utf8') };
      } catch {
        return null;
      }
    },
  };
}
