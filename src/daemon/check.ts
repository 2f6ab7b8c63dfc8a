// `maglevd-ts --config FILE --check`: validate and report like a compiler, then exit.
import { formatIssue, loadConfigFile } from '../core/config';
import type { LoadResult } from '../core/config';

/** Where --check writes: `out` for the verdict, `err` for issues and warnings (one line each). */
export interface CheckIo {
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes of --check: 0 valid, 1 parse error (includes an unreadable file), 2 semantic errors only. */
export type CheckExitCode = 0 | 1 | 2;

/** Validates a config file, prints `FILE: ok` or every issue `FILE:LINE:COL: PATH: MESSAGE`, returns the exit code. */
export async function runCheck(
  path: string,
  io: CheckIo,
  load: (path: string) => Promise<LoadResult> = loadConfigFile,
): Promise<CheckExitCode> {
  const r = await load(path);
  if (!r.ok) for (const issue of r.issues) io.err(formatIssue(path, issue));
  for (const w of r.warnings) io.err(formatIssue(path, w));
  if (r.ok) {
    io.out(`${path}: ok`);
    return 0;
  }
  return r.kind === 'parse' ? 1 : 2;
}
