// Where the native probe helper binary is (native/probe-helper.c, built by scripts/build-native.mjs).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const HELPER_NAME = 'maglev-probe-helper';

/**
 * Finds the helper binary: `MAGLEV_PROBE_HELPER`, else `native/build/maglev-probe-helper` in this module's
 * folder or one above it (source tree, electron-vite's out/, the node build's dist/). Null when absent or
 * not on Linux (it uses epoll).
 */
export function findProbeHelper(
  env: NodeJS.ProcessEnv = process.env,
  from: string = __dirname,
): string | null {
  if (env.MAGLEV_PROBE_HELPER) return existsSync(env.MAGLEV_PROBE_HELPER) ? env.MAGLEV_PROBE_HELPER : null;
  if (process.platform !== 'linux') return null;
  for (let dir = from, i = 0; i < 8; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'native', 'build', HELPER_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  return null;
}
