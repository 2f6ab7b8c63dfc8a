/** Command-line options of `npm run web`. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../core/util';
import { LOG_LEVELS, type LogLevel } from '../shared/model';

export interface WebArgs {
  sitesPath: string;
  host: string;
  port: number;
  readOnly: boolean;
  /** Built renderer folder; null = out/renderer of the project. */
  rendererDir: string | null;
  /** Rebuild the renderer even when a build exists. */
  rebuild: boolean;
  logLevel: LogLevel;
  help: boolean;
}

export const WEB_USAGE = `usage: npm run web -- [--sites FILE] [--port 5174] [--host 127.0.0.1] [--read-only]
                      [--renderer DIR] [--rebuild] [--log-level debug|info|warn|error (default warn)]`;

/**
 * Returns the desktop app's default sites file (Electron's userData for an app named maglev-monitor),
 * so that the web host watches the same sites as the app on this machine.
 */
export function defaultSitesPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home = homedir()): string {
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'maglev-monitor', 'sites.yaml');
}

const bad = (message: string): Result<never> => ({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });

/** Parses argv (without node and the script); unknown options are errors. */
export function parseWebArgs(argv: readonly string[], defaultSites: string): Result<WebArgs> {
  const out: WebArgs = {
    sitesPath: defaultSites,
    host: '127.0.0.1',
    port: 5174,
    readOnly: false,
    rendererDir: null,
    rebuild: false,
    // Quiet by default so that the URL to open stays on screen; --log-level info shows transitions.
    logLevel: 'warn',
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return null;
      i++;
      return v;
    };
    if (flag === '--read-only') out.readOnly = true;
    else if (flag === '--rebuild') out.rebuild = true;
    else if (flag === '--help' || flag === '-h') out.help = true;
    else if (flag === '--sites' || flag === '--host' || flag === '--renderer' || flag === '--port' || flag === '--log-level') {
      const v = value();
      if (v === null || v === '') return bad(`${flag} needs a value`);
      if (flag === '--sites') out.sitesPath = v;
      else if (flag === '--host') out.host = v;
      else if (flag === '--renderer') out.rendererDir = v;
      else if (flag === '--port') {
        if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) return bad(`--port must be 0-65535, got ${v}`);
        out.port = Number(v);
      } else {
        if (!(LOG_LEVELS as readonly string[]).includes(v)) return bad(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
        out.logLevel = v as LogLevel;
      }
    } else return bad(`unknown option ${flag}`);
  }
  return { ok: true, value: out };
}
