// Test-only: the real daemon CLI (src/daemon/main.ts through tsx) as a child process, optionally
// started through a wrapper such as `ip netns exec NS`.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'src', 'daemon', 'main.ts');
const LISTENING = /grpc-listening .*address=(\S+)/;

export interface DaemonChild {
  child: ChildProcess;
  /** The bound gRPC `host:port` it logged. */
  address: string;
  port: number;
  /** Its stderr so far (for failure messages). */
  lines: string[];
  /** Resolves with the exit code or signal name. */
  exited: Promise<number | string>;
  /** Sends `signal` (default SIGKILL) and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Spawns `[...wrapper] node --import tsx src/daemon/main.ts --config F --grpc-addr ADDR` and resolves
 * once it logs its listening address; rejects (and kills it) if it exits or stays silent for `timeoutMs`.
 */
export function startDaemonChild(opts: {
  configPath: string;
  grpcAddr: string;
  wrapper?: string[];
  timeoutMs?: number;
}): Promise<DaemonChild> {
  const argv = [process.execPath, '--import', 'tsx', MAIN, '--config', opts.configPath, '--grpc-addr', opts.grpcAddr];
  const [cmd, ...args] = [...(opts.wrapper ?? []), ...argv] as [string, ...string[]];
  // `ip netns exec` execs its command, so the child's pid is the daemon's own: SIGKILL reaches it.
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const lines: string[] = [];
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<number | string> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`daemon did not log its address in ${opts.timeoutMs ?? 30_000} ms:\n${lines.join('\n')}`));
    }, opts.timeoutMs ?? 30_000);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      lines.push(line);
      const m = LISTENING.exec(line);
      if (!m) return;
      clearTimeout(timer);
      const address = m[1] as string;
      resolve({ child, address, port: Number(address.slice(address.lastIndexOf(':') + 1)), lines, exited, kill });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`daemon exited (${code}) before listening:\n${lines.join('\n')}`));
    });
  });
}
