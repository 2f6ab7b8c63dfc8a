// Command-line flags of the headless daemon (upstream maglevd's, plus TLS and metrics).
// Parsing is pure and returns a value: main.ts decides what to print and the exit code.
import { LOG_LEVELS } from '../shared/model';
import type { LogLevel } from '../shared/model';
import { suggestName } from '../core/config';

/** Parsed flags; field names match `DaemonOptions` so main can hand them over as they are. */
export interface DaemonArgs {
  configPath: string;
  grpcAddr: string;
  logLevel: LogLevel;
  reflection: boolean;
  tls: { certFile: string; keyFile: string; clientCaFile: string | null } | null;
  metricsAddr: string | null;
  check: boolean;
  help: boolean;
}

export type ParseArgsResult = { ok: true; args: DaemonArgs } | { ok: false; error: string };

export const USAGE = `usage: maglevd-ts --config FILE [--check]
       [--grpc-addr HOST:PORT] [--log-level debug|info|warn|error] [--reflection=true|false]
       [--tls-cert FILE --tls-key FILE [--tls-client-ca FILE]] [--metrics-addr HOST:PORT]

  --config FILE          the site's maglev.yaml (required)
  --check                validate the config and exit: 0 valid, 1 parse error, 2 semantic error
  --grpc-addr HOST:PORT  gRPC listen address (default :9090, all interfaces)
  --log-level LEVEL      debug, info, warn or error (default info)
  --reflection=BOOL      gRPC server reflection (default true)
  --tls-cert/--tls-key   serve TLS with this certificate and key (PEM)
  --tls-client-ca FILE   require client certificates signed by this CA (mutual TLS)
  --metrics-addr ADDR    serve Prometheus metrics on HOST:PORT (default off)`;

const VALUE_FLAGS = ['config', 'grpc-addr', 'log-level', 'tls-cert', 'tls-key', 'tls-client-ca', 'metrics-addr'] as const;
const BOOL_FLAGS = ['check', 'reflection', 'help'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
type BoolFlag = (typeof BOOL_FLAGS)[number];
const ALL_FLAGS: readonly string[] = [...VALUE_FLAGS, ...BOOL_FLAGS];
const HOST_PORT = /^(?:\[[0-9A-Fa-f:.]+\]|[^:[\]\s]*):(\d{1,5})$/;

/** Parses daemon flags (`--flag value`, `--flag=value`, or Go-style single dash). */
export function parseDaemonArgs(argv: readonly string[]): ParseArgsResult {
  const values = new Map<ValueFlag, string>();
  const bools = new Map<BoolFlag, boolean>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const m = /^--?([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (!m) return fail(arg.startsWith('-') ? `malformed flag "${arg}"` : `unexpected argument "${arg}" (flags start with --)`);
    const name = m[1] as string;
    const inline = m[2];
    if (name === 'h') {
      bools.set('help', true);
      continue;
    }
    if (!ALL_FLAGS.includes(name)) {
      const best = suggestName(name, ALL_FLAGS);
      return fail(`unknown flag --${name}${best ? ` (did you mean --${best}?)` : ''}`);
    }
    if (values.has(name as ValueFlag) || bools.has(name as BoolFlag)) return fail(`--${name} given more than once`);
    if ((BOOL_FLAGS as readonly string[]).includes(name)) {
      const v = inline === undefined ? true : parseBool(inline);
      if (v === null) return fail(`--${name}=${inline}: expected true or false`);
      bools.set(name as BoolFlag, v);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || /^--?[a-z]/.test(next)) return fail(`--${name} needs a value`);
      value = next;
      i++;
    }
    if (value === '') return fail(`--${name} needs a non-empty value`);
    values.set(name as ValueFlag, value);
  }
  return validate(values, bools);
}

function validate(values: Map<ValueFlag, string>, bools: Map<BoolFlag, boolean>): ParseArgsResult {
  const help = bools.get('help') ?? false;
  const configPath = values.get('config');
  if (!configPath && !help) return fail('--config FILE is required');
  for (const flag of ['grpc-addr', 'metrics-addr'] as const) {
    const v = values.get(flag);
    const port = v === undefined ? null : HOST_PORT.exec(v)?.[1];
    if (v !== undefined && (port === undefined || port === null || Number(port) > 65535)) {
      return fail(`--${flag} "${v}": expected HOST:PORT, [IPv6]:PORT or :PORT with a port 0-65535`);
    }
  }
  const level = values.get('log-level') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) return fail(`--log-level "${level}": expected one of ${LOG_LEVELS.join(', ')}`);
  const cert = values.get('tls-cert');
  const key = values.get('tls-key');
  const clientCa = values.get('tls-client-ca') ?? null;
  if ((cert === undefined) !== (key === undefined)) return fail('--tls-cert and --tls-key go together');
  if (clientCa !== null && cert === undefined) return fail('--tls-client-ca needs --tls-cert and --tls-key');
  return {
    ok: true,
    args: {
      configPath: configPath ?? '',
      grpcAddr: values.get('grpc-addr') ?? ':9090',
      logLevel: level as LogLevel,
      reflection: bools.get('reflection') ?? true,
      tls: cert !== undefined && key !== undefined ? { certFile: cert, keyFile: key, clientCaFile: clientCa } : null,
      metricsAddr: values.get('metrics-addr') ?? null,
      check: bools.get('check') ?? false,
      help,
    },
  };
}

function parseBool(v: string): boolean | null {
  if (['true', '1', 't', 'TRUE', 'True'].includes(v)) return true;
  if (['false', '0', 'f', 'FALSE', 'False'].includes(v)) return false;
  return null;
}

function fail(error: string): ParseArgsResult {
  return { ok: false, error };
}
