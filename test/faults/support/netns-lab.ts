// Test-only: a network namespace joined to this one by a veth pair, where a daemon can run and its
// port can be black-holed with iptables (the kernel here has no netem). Everything lives in the
// namespace or on the veth pair, so deleting the namespace undoes all of it.
import { spawnSync } from 'node:child_process';

const PREFIX = 'mmfault-';

export interface NetnsLab {
  /** Namespace name. */
  name: string;
  /** This side of the veth pair (where test backends listen). */
  hostAddress: string;
  /** The namespace side (where the daemon listens). */
  nsAddress: string;
  /** Command prefix that runs a program inside the namespace. */
  wrapper: string[];
  /** Drops every TCP packet to and from `port` inside the namespace (both directions: a black hole). */
  blackHole(port: number): void;
  /** Removes the black hole of `port`. */
  restore(port: number): void;
  /** Kills what still runs inside and deletes the namespace (and with it the veth pair and the rules). */
  destroy(): void;
}

function run(cmd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim() };
}

function must(cmd: string, args: string[]): string {
  const r = run(cmd, args);
  if (!r.ok) throw new Error(`${cmd} ${args.join(' ')}: ${r.out}`);
  return r.out;
}

/** Why the lab cannot run here (not root, a tool or kernel feature missing), or null when it can. */
export function netnsLabBlocker(): string | null {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0) return 'needs root (network namespaces and iptables)';
  if (!run('ip', ['-V']).ok) return '`ip` is missing (Debian package iproute2)';
  if (!run('iptables', ['--version']).ok) return '`iptables` is missing (Debian package iptables)';
  const probe = `${PREFIX}probe-${process.pid}`;
  const add = run('ip', ['netns', 'add', probe]);
  if (!add.ok) return `cannot create a network namespace: ${add.out}`;
  try {
    const ipt = run('ip', ['netns', 'exec', probe, 'iptables', '-w', '-I', 'INPUT', '-p', 'tcp', '--dport', '9', '-j', 'DROP']);
    if (!ipt.ok) return `iptables does not work in a namespace here: ${ipt.out}`;
    const veth = run('ip', ['-n', probe, 'link', 'add', 'mmfprobe0', 'type', 'veth', 'peer', 'name', 'mmfprobe1']);
    if (!veth.ok) return `cannot create a veth pair: ${veth.out}`;
  } finally {
    run('ip', ['netns', 'del', probe]);
  }
  return null;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Deletes namespaces this suite left behind when a run was killed before its cleanup. */
function removeStale(): void {
  for (const line of run('ip', ['netns', 'list']).out.split('\n')) {
    const m = new RegExp(`^(${PREFIX}(?:probe-)?(\\d+))\\b`).exec(line.trim());
    if (m && !isAlive(Number(m[2]))) deleteNamespace(m[1] as string);
  }
}

function deleteNamespace(name: string): void {
  for (const pid of run('ip', ['netns', 'pids', name]).out.split(/\s+/).filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  run('ip', ['netns', 'del', name]);
}

/** Picks a /30 in 198.18.0.0/15 (RFC 2544, benchmarking) that no interface here uses yet. */
function pickSubnet(): { host: string; ns: string } {
  const used = run('ip', ['-4', '-o', 'addr', 'show']).out;
  for (let i = 0; i < 16_384; i++) {
    const index = (process.pid + i) % 16_384;
    const base = index * 4;
    const prefix = `198.${18 + (base >> 16)}.${(base >> 8) & 255}.`;
    const low = base & 255;
    if (used.includes(`${prefix}${low + 1}/30`)) continue;
    return { host: `${prefix}${low + 1}`, ns: `${prefix}${low + 2}` };
  }
  throw new Error('no free /30 in 198.18.0.0/15');
}

/** Creates the namespace and the veth pair (call `destroy` in afterAll). */
export function createNetnsLab(): NetnsLab {
  removeStale();
  const name = `${PREFIX}${process.pid}`;
  const hostIf = `mmf${process.pid}h`;
  const nsIf = `mmf${process.pid}n`;
  const { host, ns } = pickSubnet();
  const destroy = (): void => {
    deleteNamespace(name);
    run('ip', ['link', 'del', hostIf]);
  };
  try {
    must('ip', ['netns', 'add', name]);
    must('ip', ['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf, 'netns', name]);
    must('ip', ['addr', 'add', `${host}/30`, 'dev', hostIf]);
    must('ip', ['link', 'set', hostIf, 'up']);
    must('ip', ['-n', name, 'addr', 'add', `${ns}/30`, 'dev', nsIf]);
    must('ip', ['-n', name, 'link', 'set', nsIf, 'up']);
    must('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  } catch (e) {
    destroy();
    throw e;
  }
  const rules = (port: number): string[][] => [
    ['INPUT', '-p', 'tcp', '--dport', String(port), '-j', 'DROP'],
    ['OUTPUT', '-p', 'tcp', '--sport', String(port), '-j', 'DROP'],
  ];
  const iptables = (args: string[]): string => must('ip', ['netns', 'exec', name, 'iptables', '-w', ...args]);
  return {
    name,
    hostAddress: host,
    nsAddress: ns,
    wrapper: ['ip', 'netns', 'exec', name],
    blackHole: (port) => rules(port).forEach((r) => iptables(['-I', ...r])),
    restore: (port) => rules(port).forEach((r) => iptables(['-D', ...r])),
    destroy,
  };
}
