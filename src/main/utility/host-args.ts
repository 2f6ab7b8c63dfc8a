/** Arguments main passes to the site-host process (see src/main/index.ts). */
import { dirname, join } from 'node:path';
import type { Result } from '../../core/util';
import { parseMainArgs, type MainArgs } from '../args';

export interface HostArgs extends MainArgs {
  appVersion: string;
  user: string;
  /** The audit log file (main passes userData/audit.log; default: next to the sites file). */
  auditPath: string;
  /** The folder of applied configs (main passes userData/config-history; default: next to the sites file). */
  configHistoryDir: string;
}

function valueAfter(argv: readonly string[], flag: string): string | null {
  const i = argv.indexOf(flag);
  const v = i >= 0 ? argv[i + 1] : undefined;
  return v === undefined || v.startsWith('--') ? null : v;
}

/** Parses `--sites FILE [--read-only] --app-version V --user U [--audit-log FILE] [--config-history DIR]`. */
export function parseHostArgs(argv: readonly string[]): Result<HostArgs> {
  const base = parseMainArgs(argv, '');
  if (!base.ok) return base;
  const appVersion = valueAfter(argv, '--app-version');
  const user = valueAfter(argv, '--user');
  if (appVersion === null || user === null) {
    return { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'the site host needs --sites, --app-version and --user' } };
  }
  const auditPath = valueAfter(argv, '--audit-log') ?? join(dirname(base.value.sitesPath), 'audit.log');
  const configHistoryDir = valueAfter(argv, '--config-history') ?? join(dirname(base.value.sitesPath), 'config-history');
  return { ok: true, value: { ...base.value, appVersion, user, auditPath, configHistoryDir } };
}
