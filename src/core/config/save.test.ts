import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CodedError } from '../util';
import { saveConfigAtomically } from './index';
import type { SaveFileHandle, SaveFs } from './index';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'maglev-save-'));
  file = join(dir, 'maglev.yaml');
  writeFileSync(file, 'maglev: {} # old\n');
  chmodSync(file, 0o600);
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

type Step = 'open' | 'writeFile' | 'chmod' | 'sync' | 'close' | 'rename' | 'dir-open' | 'dir-sync';

/** The real filesystem, recording each step and failing the one named `failAt`. */
function recordingFs(failAt: Step | null, log: string[]): SaveFs {
  const boom = (step: Step) => {
    log.push(step);
    if (step === failAt) throw new Error(`injected ${step} failure`);
  };
  const wrap = (h: fsp.FileHandle, isDir: boolean): SaveFileHandle => ({
    writeFile: async (d, e) => (boom('writeFile'), h.writeFile(d, e)),
    chmod: async (m) => (boom('chmod'), h.chmod(m)),
    sync: async () => (boom(isDir ? 'dir-sync' : 'sync'), h.sync()),
    close: async () => {
      await h.close();
      if (!isDir) boom('close');
    },
  });
  return {
    open: async (p, flags, mode) => {
      const isDir = p === dir;
      boom(isDir ? 'dir-open' : 'open');
      return wrap(await fsp.open(p, flags, mode), isDir);
    },
    rename: async (a, b) => (boom('rename'), fsp.rename(a, b)),
    unlink: (p) => fsp.unlink(p),
    stat: (p) => fsp.stat(p),
  };
}

describe('saveConfigAtomically', () => {
  it('writes, fsyncs, renames over the file, then fsyncs the directory; keeps permissions', async () => {
    const log: string[] = [];
    await saveConfigAtomically(file, 'maglev: {} # new\n', recordingFs(null, log));
    expect(readFileSync(file, 'utf8')).toBe('maglev: {} # new\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(log).toEqual(['open', 'chmod', 'writeFile', 'sync', 'close', 'rename', 'dir-open', 'dir-sync']);
    expect(readdirSync(dir)).toEqual(['maglev.yaml']);
  });

  it('creates a file that does not exist yet', async () => {
    const fresh = join(dir, 'new.yaml');
    await saveConfigAtomically(fresh, 'maglev: {}\n');
    expect(readFileSync(fresh, 'utf8')).toBe('maglev: {}\n');
    expect(statSync(fresh).mode & 0o777).toBe(0o644);
  });

  it.each(['open', 'chmod', 'writeFile', 'sync', 'close', 'rename'] as const)(
    'leaves the old file intact and no temporary file when %s fails',
    async (step) => {
      const err = await saveConfigAtomically(file, 'maglev: {} # new\n', recordingFs(step, [])).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CodedError);
      expect(err).toMatchObject({ code: 'CONFIG_SAVE_FAILED', message: expect.stringContaining(`injected ${step} failure`) });
      expect(readFileSync(file, 'utf8')).toBe('maglev: {} # old\n');
      expect(readdirSync(dir)).toEqual(['maglev.yaml']);
    },
  );

  it('still succeeds when only the directory fsync is impossible (the rename is done)', async () => {
    await saveConfigAtomically(file, 'maglev: {} # new\n', recordingFs('dir-open', []));
    expect(readFileSync(file, 'utf8')).toBe('maglev: {} # new\n');
  });

  it.skipIf(process.getuid?.() === 0)('fails cleanly in a read-only directory', async () => {
    chmodSync(dir, 0o500);
    await expect(saveConfigAtomically(file, 'x: 1\n')).rejects.toMatchObject({ code: 'CONFIG_SAVE_FAILED' });
    expect(readFileSync(file, 'utf8')).toBe('maglev: {} # old\n');
  });
});
