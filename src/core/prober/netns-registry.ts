import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../log';
import { targetToWire, type WireReply } from './netns-protocol';
import type { ProbeOutcome, Prober, ProberKind, ProberRegistry } from './types';

export interface NetnsRegistryOptions {
  netns: string;
  logger?: Logger;
  /** The worker command run under `ip netns exec NS`; default: node + the worker next to this file. */
  workerCommand?: string[];
}

/** The worker command: the built `netns-worker.js` beside this module, else the TypeScript source via tsx. */
export function defaultWorkerCommand(): string[] {
  const js = join(__dirname, 'netns-worker.js');
  if (existsSync(js)) return [process.execPath, js];
  return [process.execPath, '--import', 'tsx', join(__dirname, 'netns-worker.ts')];
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Creates a registry whose probes run inside a network namespace, in one worker process started with
 * `ip netns exec` (Node cannot setns a single thread). Worker death fails the probes in flight with
 * INTERNAL and restarts the worker with backoff; a missing namespace is a clear INTERNAL result.
 */
export function createNetnsProberRegistry(options: NetnsRegistryOptions): ProberRegistry {
  const { netns, logger } = options;
  const command = options.workerCommand ?? defaultWorkerCommand();
  const pending = new Map<number, { resolve: (o: ProbeOutcome) => void; timer: ReturnType<typeof setTimeout> }>();
  let child: ChildProcessWithoutNullStreams | null = null;
  let nextId = 1;
  let lastError = '';
  let backoffMs = 500;
  let notBefore = 0;
  let disposed = false;

  const failAll = (detail: string): void => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.resolve({ ok: false, code: 'INTERNAL', detail, durationMs: 0 });
    }
  };

  const start = (): ChildProcessWithoutNullStreams | null => {
    if (child || disposed || Date.now() < notBefore) return child;
    const c = spawn('ip', ['netns', 'exec', netns, ...command], { stdio: ['pipe', 'pipe', 'pipe'] });
    child = c;
    let stderr = '';
    c.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-500)));
    createInterface({ input: c.stdout }).on('line', (line) => {
      let reply: WireReply;
      try {
        reply = JSON.parse(line) as WireReply;
      } catch {
        return;
      }
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      backoffMs = 500;
      p.resolve(reply.outcome);
    });
    const onExit = (why: string): void => {
      if (child !== c) return;
      child = null;
      const text = stderr.trim().split('\n').pop() ?? '';
      lastError = /Cannot open network namespace|No such file/i.test(text)
        ? `netns ${netns}: no such namespace`
        : `netns ${netns}: probe worker ${why}${text ? `: ${text}` : ''}`;
      if (!disposed) logger?.error('netns-worker-exit', { netns, reason: lastError, retryInMs: backoffMs });
      notBefore = Date.now() + backoffMs;
      backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
      failAll(lastError);
    };
    c.on('error', (e) => onExit(`could not start (${e.message})`));
    c.on('exit', (code, sig) => onExit(`exited (${sig ?? code})`));
    c.stdin.on('error', () => {});
    return c;
  };

  const makeProber = (kind: ProberKind): Prober => ({
    kind,
    probe: (target, opts) =>
      new Promise<ProbeOutcome>((resolve) => {
        const c = start();
        if (!c) {
          resolve({ ok: false, code: 'INTERNAL', detail: lastError || `netns ${netns}: probe worker not running`, durationMs: 0 });
          return;
        }
        const id = nextId++;
        // The worker bounds the probe by timeoutMs; this guard covers a worker that stops answering.
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve({ ok: false, code: 'INTERNAL', detail: `netns ${netns}: probe worker did not answer`, durationMs: opts.timeoutMs });
        }, opts.timeoutMs + 2000);
        pending.set(id, { resolve, timer });
        c.stdin.write(JSON.stringify({ id, target: targetToWire(target), timeoutMs: opts.timeoutMs }) + '\n');
      }),
  });
  const probers = new Map<ProberKind, Prober>((['http', 'https', 'tcp', 'icmp'] as const).map((k) => [k, makeProber(k)]));
  return {
    get: (kind) => probers.get(kind) ?? makeProber(kind),
    dispose: async () => {
      disposed = true;
      const c = child;
      child = null;
      failAll(`netns ${netns}: prober disposed`);
      if (c) {
        c.stdin.end();
        await new Promise<void>((r) => {
          const t = setTimeout(() => (c.kill('SIGKILL'), r()), 2000);
          c.once('exit', () => (clearTimeout(t), r()));
        });
      }
    },
  };
}
