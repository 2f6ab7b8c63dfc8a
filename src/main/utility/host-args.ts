/** Arguments main passes to the site-host process (see src/main/index.ts). */
import type { Result } from '../../core/util';
import { parseMainArgs, type MainArgs } from '../args';

export interface HostArgs extends MainArgs {
  appVersion: string;
  user: string;
}

function valueAfter(argv: readonly string[], flag: string): string | null {
  const i = argv.indexOf(flag);
  const v = i >= 0 ? argv[i + 1] : undefined;
  return v === undefined || v.startsWith('--') ? null : v;
}

/** Parses `--sites FILE [--read-only] --app-version V --user U`. */
export function parseHostArgs(argv: readonly string[]): Result<HostArgs> {
  const base = parseMainArgs(argv, '');
  if (!base.ok) return base;
  const appVersion = valueAfter(argv, '--app-version');
  const user = valueAfter(argv, '--user');
  if (appVersion === null || user === null) {
    return { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'the site host needs --sites, --app-version and --user' } };
  }
  return { ok: true, value: { ...base.value, appVersion, user } };
}
