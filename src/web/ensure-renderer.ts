/**
 * Makes sure there is a built renderer to serve, so that a clean clone works with just `npm run web`:
 * builds it with electron-vite's own renderer config (identical output to `npm run build`) when it is
 * missing or older than the renderer's sources.
 */
import { access, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from '../core/log';
import { toAppError, type Result } from '../core/util';

const CONFIG_FILE = 'electron.vite.config.ts';

/** Walks up from `start` to the folder holding electron.vite.config.ts; null when there is none. */
export async function findProjectRoot(start: string): Promise<string | null> {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      await access(join(dir, CONFIG_FILE));
      return dir;
    } catch {
      if (dirname(dir) === dir) return null;
    }
  }
}

async function newestMtime(path: string): Promise<number> {
  let st;
  try {
    st = await stat(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of await readdir(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, await newestMtime(join(path, name)));
  }
  return newest;
}

/** Tells whether `rendererDir` lacks index.html or is older than the renderer's sources. */
export async function isRendererStale(projectRoot: string, rendererDir: string): Promise<boolean> {
  const built = await newestMtime(join(rendererDir, 'index.html'));
  if (built === 0) return true;
  const sources = ['src/renderer', 'src/shared', CONFIG_FILE].map((p) => newestMtime(join(projectRoot, p)));
  return Math.max(...(await Promise.all(sources))) > built;
}

/** Builds the renderer into out/renderer with the project's electron-vite config. */
export async function buildRenderer(projectRoot: string, logger: Logger): Promise<Result<void>> {
  logger.info('building the renderer', { root: projectRoot });
  try {
    const electronVite = await import('electron-vite');
    const vite = await import('vite');
    // electron-vite picks relative asset URLs (base './') only for production builds.
    process.env.NODE_ENV_ELECTRON_VITE = 'production';
    const resolved = await electronVite.resolveConfig({ root: projectRoot, logLevel: 'warn' }, 'build', 'production');
    const renderer = resolved.config?.renderer;
    if (!renderer) return { ok: false, error: { code: 'FAILED_PRECONDITION', message: `${CONFIG_FILE} has no renderer config` } };
    await vite.build(renderer);
    return { ok: true, value: undefined };
  } catch (e) {
    return { ok: false, error: { code: 'INTERNAL', message: `renderer build failed: ${toAppError(e).message}` } };
  }
}
