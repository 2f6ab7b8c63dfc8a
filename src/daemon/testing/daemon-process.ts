// Test-only: the daemon as a child process, with its stderr read line by line.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

export interface DaemonProcess {
  child: ChildProcess;
  /** Every stderr line so far. */
  lines: string[];
  /** Resolves with the first line (past or future) that matches. */
  waitForLine(re: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
}

/** Spawns `node [execArgs] script args…` from the package root. */
export function spawnDaemon(script: string, args: string[], execArgs: string[] = []): DaemonProcess {
  const child = spawn(process.execPath, [...execArgs, script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const stdout: string[] = [];
  child.stdout!.on('data', (b: Buffer) => stdout.push(b.toString()));
  createInterface({ input: child.stderr! }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters]) {
      const m = w.re.exec(line);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    child,
    lines,
    exited,
    waitForLine(re) {
      for (const line of lines) {
        const m = re.exec(line);
        if (m) return Promise.resolve(m);
      }
      return new Promise((resolve, reject) => {
        waiters.push({ re, resolve });
        void exited.then((code) =>
          reject(
            new Error(
              `daemon exited (${code}) before a line matched ${re}:\n${lines.join('\n')}\n${stdout.join('')}`,
            ),
          ),
        );
      });
    },
  };
}

/** The address the daemon logged in its `grpc-listening` line. */
export const LISTENING = /grpc-listening .*address=(\S+)/;
