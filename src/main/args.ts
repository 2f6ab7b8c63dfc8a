/**
 * Command-line options of the desktop app. Electron and Chromium add switches of their own to argv,
 * so unknown arguments are ignored; only ours are read.
 */
import type { Result } from '../core/util';

export interface MainArgs {
  /** The sites file (default: sites.yaml in the user-data folder). */
  sitesPath: string;
  /** Refuse every mutating operation (wall screens). */
  readOnly: boolean;
}

/** Reads `--sites FILE` / `--sites=FILE` and `--read-only` from argv. */
export function parseMainArgs(argv: readonly string[], defaultSitesPath: string): Result<MainArgs> {
  let sitesPath = defaultSitesPath;
  let readOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--read-only') readOnly = true;
    else if (a.startsWith('--sites=')) sitesPath = a.slice('--sites='.length);
    else if (a === '--sites') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: '--sites needs a file path' } };
      sitesPath = v;
      i++;
    }
  }
  if (sitesPath.trim() === '') return { ok: false, error: { code: 'INVALID_ARGUMENT', message: '--sites needs a file path' } };
  return { ok: true, value: { sitesPath, readOnly } };
}
