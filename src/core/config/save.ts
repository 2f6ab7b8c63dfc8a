import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CodedError } from '../util';

/** The few file operations an atomic save needs; injectable so tests can make any step fail. */
export interface SaveFs {
  open(path: string, flags: string, mode?: number): Promise<SaveFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ mode: number }>;
}

/** The file handle operations an atomic save uses (a subset of fs/promises' FileHandle). */
export interface SaveFileHandle {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

const NODE_FS: SaveFs = nodeFs as unknown as SaveFs;

/**
 * Replaces a file atomically: write a temporary file in the same directory (so the rename stays
 * on one filesystem), fsync it, rename it over the target, then fsync the directory so the
 * rename itself survives a crash. If any step before the rename fails, the temporary file is
 * removed and the old file is untouched. Keeps the old file's permission bits.
 * Rejects with a CodedError `CONFIG_SAVE_FAILED` naming the failed step.
 */
export async function saveConfigAtomically(path: string, text: string, fs: SaveFs = NODE_FS): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await fs.stat(path).then(
    (s) => s.mode & 0o777,
    () => 0o644,
  );
  let handle: SaveFileHandle | null = null;
  let step = 'create a temporary file';
  try {
    handle = await fs.open(tmp, 'wx', mode);
    step = 'write';
    await handle.chmod(mode);
    await handle.writeFile(text, 'utf8');
    step = 'flush';
    await handle.sync();
    step = 'close';
    await handle.close();
    handle = null;
    step = 'rename the temporary file over';
    await fs.rename(tmp, path);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    const why = e instanceof Error ? e.message : String(e);
    throw new CodedError('CONFIG_SAVE_FAILED', `cannot save ${path}: ${step} failed: ${why}`, { cause: e });
  }
  await syncDirectory(fs, dir);
}

/**
 * Flushes the directory entry of the rename. Best effort: the new content is already in place,
 * and some platforms (Windows) cannot open a directory for fsync at all.
 */
async function syncDirectory(fs: SaveFs, dir: string): Promise<void> {
  let handle: SaveFileHandle | null = null;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Nothing to undo: the file was replaced; only its durability across a power cut is weaker.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
