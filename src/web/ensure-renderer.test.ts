import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot, isRendererStale } from './ensure-renderer';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ensure-renderer-'));
  await mkdir(join(dir, 'src', 'renderer', 'src'), { recursive: true });
  await mkdir(join(dir, 'out', 'renderer'), { recursive: true });
  await writeFile(join(dir, 'electron.vite.config.ts'), '');
  await writeFile(join(dir, 'src', 'renderer', 'src', 'main.tsx'), '');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('ensure-renderer', () => {
  it('finds the project root from a nested folder', async () => {
    expect(await findProjectRoot(join(dir, 'src', 'renderer', 'src'))).toBe(dir);
    expect(await findProjectRoot('/')).toBeNull();
  });

  it('calls a missing or outdated build stale, and a fresh one not', async () => {
    const out = join(dir, 'out', 'renderer');
    expect(await isRendererStale(dir, out)).toBe(true);
    await writeFile(join(out, 'index.html'), '');
    const past = new Date(Date.now() - 60_000);
    for (const p of ['electron.vite.config.ts', 'src/renderer/src/main.tsx', 'src/renderer/src', 'src/renderer', 'src']) {
      await utimes(join(dir, p), past, past);
    }
    expect(await isRendererStale(dir, out)).toBe(false);
    const future = new Date(Date.now() + 60_000);
    await utimes(join(dir, 'src', 'renderer', 'src', 'main.tsx'), future, future);
    expect(await isRendererStale(dir, out)).toBe(true);
  });
});
