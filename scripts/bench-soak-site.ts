// bench-soak.ts's site: the farm of flapping backends (a child process, bench-soak-farm.mjs) and the
// maglev.yaml that points the checker at it.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const farmAddress = (i: number): string => `127.1.${Math.floor(i / 250)}.${1 + (i % 250)}`;

/** One HTTP check (rise 1, fall 1, one interval for every state) and 50 frontends of the backends. */
export function configText(n: number, port: number, intervalMs: number): string {
  const iv = `${intervalMs}ms`;
  const lines = [
    'maglev:',
    '  healthchecker: { transition-history: 5 }',
    '  healthchecks:',
    `    flap: { type: http, port: ${port}, interval: ${iv}, fast-interval: ${iv}, down-interval: ${iv}, timeout: 1s, rise: 1, fall: 1, params: { path: /healthz } }`,
    '  backends:',
  ];
  for (let i = 0; i < n; i++) lines.push(`    b${i}: { address: ${farmAddress(i)}, healthcheck: flap }`);
  lines.push('  frontends:');
  const per = Math.ceil(n / 50);
  for (let f = 0; f * per < n; f++) {
    const members = Array.from({ length: Math.min(per, n - f * per) }, (_, k) => `b${f * per + k}: {}`);
    lines.push(
      `    vip${f}: { address: 192.0.2.${1 + f}, port: 80, pools: [ { name: main, backends: { ${members.join(', ')} } } ] }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function startFarm(n: number, maxSec: number): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(
    join(__dirname, 'bench-soak-farm.mjs'),
    ['--n', String(n), '--max-sec', String(maxSec)],
    { stdio: 'inherit' },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the farm exited (${code}) before it listened`)));
    child.once('message', (m: { ready?: boolean; port?: number }) => {
      if (m.ready && m.port) resolve({ child, port: m.port });
    });
  });
}
