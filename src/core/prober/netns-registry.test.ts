import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProberRegistry } from './registry';
import { httpTarget } from './testing/servers';

// Runs for real: a namespace made here with its own loopback, an HTTP server inside it, probes through
// the netns worker. Skipped (with this notice) when not root or when `ip` is missing.
const canNetns = process.getuid?.() === 0 && spawnSync('ip', ['-V']).status === 0;
const ns = `mm-test-${process.pid}`;
let server: ChildProcess | null = null;
let port = 0;

describe.skipIf(!canNetns)('probes inside a network namespace', () => {
  beforeAll(async () => {
    execFileSync('ip', ['netns', 'add', ns]);
    execFileSync('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up']);
    const code =
      "const s=require('http').createServer((q,r)=>r.end('inside'));s.listen(0,'127.0.0.1',()=>console.log(s.address().port))";
    server = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [data] = (await once(server.stdout!, 'data')) as [Buffer];
    port = Number(data.toString().trim());
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    spawnSync('ip', ['netns', 'del', ns]);
  });

  it('passes through the worker inside the namespace and is refused outside it', async () => {
    const inside = createProberRegistry({ netns: ns });
    const outside = createProberRegistry();
    try {
      const target = httpTarget(port, { regexp: /^inside$/ });
      expect(await inside.get('http').probe(target, { timeoutMs: 3000 })).toMatchObject({ ok: true, code: 'L7OK' });
      expect(await outside.get('http').probe(target, { timeoutMs: 3000 })).toMatchObject({ ok: false, code: 'L4CON' });
    } finally {
      await inside.dispose();
      await outside.dispose();
    }
  });

  it('answers INTERNAL naming a namespace that does not exist', async () => {
    const missing = createProberRegistry({ netns: `${ns}-missing` });
    try {
      const r = await missing.get('tcp').probe(httpTarget(port), { timeoutMs: 1000 });
      expect(r).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(r.detail).toContain(`${ns}-missing`);
    } finally {
      await missing.dispose();
    }
  });
});

it.runIf(!canNetns)('netns tests skipped: needs root and iproute2', () => {
  console.warn('skipped: netns prober tests need root (CAP_SYS_ADMIN) and the `ip` command');
});
