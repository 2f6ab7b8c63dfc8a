// Entry of the headless daemon (npm run daemon, bin/maglevd-ts.cjs, out/daemon/index.js).
// `--check` only loads the config; the serving stack (checker, probers, gRPC) is imported on
// demand so that a check never pays for it, nor depends on it.
import { parseDaemonArgs, USAGE } from './args';
import type { DaemonArgs } from './args';
import { runCheck } from './check';

/** Exit code for a bad command line (sysexits EX_USAGE; 1 and 2 mean config errors). */
const EXIT_USAGE = 64;

const io = {
  out: (line: string) => process.stdout.write(line + '\n'),
  err: (line: string) => process.stderr.write(line + '\n'),
};

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseDaemonArgs(argv);
  if (!parsed.ok) {
    io.err(`maglevd-ts: ${parsed.error}`);
    io.err(USAGE);
    return EXIT_USAGE;
  }
  if (parsed.args.help) {
    io.out(USAGE);
    return 0;
  }
  if (parsed.args.check) return runCheck(parsed.args.configPath, io);
  return serve(parsed.args);
}

/** Runs the daemon until SIGTERM/SIGINT (exit 0); SIGHUP reloads the config file. */
async function serve(args: DaemonArgs): Promise<number> {
  const { startDaemon } = await import('./daemon');
  const started = await startDaemon(args);
  if (!started.ok) {
    io.err(started.error.message);
    return started.error.exitCode;
  }
  const { daemon } = started;
  process.on('SIGHUP', () => void daemon.reload());
  return new Promise((resolve) => {
    const stop = () => void daemon.stop().then(() => resolve(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.err(`maglevd-ts: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
