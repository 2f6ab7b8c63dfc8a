/**
 * Per-backend notification mutes, persisted as JSON in the user-data folder and written atomically
 * (temp file + rename), so that a crash mid-write never loses the list.
 */
import { z } from 'zod';
import type { Logger } from '../../core/log';

const FileSchema = z.object({
  version: z.literal(1),
  muted: z.array(z.object({ site: z.string(), backend: z.string() })).max(100_000),
});

export interface MuteKey {
  site: string;
  backend: string;
}

export interface MuteStore {
  isMuted(site: string, backend: string): boolean;
  setMuted(site: string, backend: string, muted: boolean): Promise<void>;
  clear(): Promise<void>;
  list(): MuteKey[];
}

/** The file operations the store needs (node:fs/promises in the app, a map in tests). */
export interface MuteFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

const keyOf = (site: string, backend: string): string => JSON.stringify([site, backend]);

/** Loads the mutes at `path` (a missing or unreadable file means none) and returns the store. */
export async function loadMuteStore(path: string, fs: MuteFs, logger: Logger): Promise<MuteStore> {
  const muted = new Map<string, MuteKey>();
  try {
    const parsed = FileSchema.safeParse(JSON.parse(await fs.readFile(path, 'utf8')));
    if (parsed.success) for (const m of parsed.data.muted) muted.set(keyOf(m.site, m.backend), m);
    else logger.warn('ignoring a malformed mute file', { path });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('cannot read the mute file', { path, err: e });
  }

  let writing: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    const text = JSON.stringify({ version: 1, muted: [...muted.values()] }, null, 2);
    // Writes are chained so that an older list never overwrites a newer one.
    writing = writing.then(async () => {
      try {
        await fs.writeFile(`${path}.tmp`, text, 'utf8');
        await fs.rename(`${path}.tmp`, path);
      } catch (e) {
        logger.error('cannot save the mute file', { path, err: e });
      }
    });
    return writing;
  };

  return {
    isMuted: (site, backend) => muted.has(keyOf(site, backend)),
    setMuted(site, backend, on) {
      if (on) muted.set(keyOf(site, backend), { site, backend });
      else muted.delete(keyOf(site, backend));
      return save();
    },
    clear() {
      muted.clear();
      return save();
    },
    list: () => [...muted.values()],
  };
}
