// `--check` end to end: the real CLI as a child process on the config fixtures.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const children = new Set<ChildProcess>();

afterEach(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
});

/** Runs `node --import tsx src/daemon/main.ts ARGS` from the package root. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('src', 'daemon', 'main.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const fixture = (name: string) => join('test', 'fixtures', 'config', name);

describe('maglevd --check', () => {
  it('prints FILE: ok and exits 0 for a valid config', async () => {
    const r = await runCli(['--config', fixture('valid.yaml'), '--check']);
    expect(r).toEqual({ code: 0, stdout: `${fixture('valid.yaml')}: ok\n`, stderr: '' });
  });

  it('prints the legacy warning and still exits 0', async () => {
    const f = fixture('legacy.yaml');
    const r = await runCli(['--check', `--config=${f}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${f}: ok\n`);
    expect(r.stderr).toMatch(new RegExp(`^${f}:8:3: maglev\\.vips: warning: legacy "vips:" form`));
  });

  it('prints every parse error as FILE:LINE:COL: PATH: MESSAGE and exits 1', async () => {
    const f = fixture('err-unknown-key.yaml');
    const r = await runCli(['--config', f, '--check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${f}:6:7: maglev.backends.web-a.adress: unknown key "adress" in backend (did you mean "address"?)`,
      `${f}:8:3: maglev.frontend: unknown key "frontend" in maglev (did you mean "frontends"?)`,
      `${f}:9:1: extra: unknown key "extra" in the top level (valid: maglev)`,
    ]);
  });

  it('exits 2 when there are only semantic errors', async () => {
    const f = fixture('err-unknown-healthcheck.yaml');
    const r = await runCli(['--config', f, '--check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${f}:7:20: maglev.backends.web-a.healthcheck: no healthcheck named "wbe" (did you mean "web"?)\n`);
  });

  it('exits 1 for an unreadable file and 64 for a bad command line', async () => {
    const missing = await runCli(['--config', 'no/such/file.yaml', '--check']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^no\/such\/file\.yaml:1:1: cannot read no\/such\/file\.yaml: ENOENT/);
    const bad = await runCli(['--config', fixture('valid.yaml'), '--chek']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/^maglevd-ts: unknown flag --chek \(did you mean --check\?\)\nusage: maglevd-ts --config FILE/);
  });
});
