import { afterEach, describe, expect, it } from 'vitest';
import { createProberRegistry } from './registry';
import { httpTarget, startScriptedServer, type ScriptedServer } from './testing/servers';
import type { ProberRegistry } from './types';

let server: ScriptedServer | null = null;
let registry: ProberRegistry | null = null;
afterEach(async () => {
  await registry?.dispose();
  await server?.close();
});

describe('probes on worker threads', () => {
  it('gives the same verdicts as in-process probes, for many targets at once', async () => {
    let n = 0;
    server = await startScriptedServer((sock) => sock.end(n++ % 2 ? 'HTTP/1.1 503 x\r\nContent-Length: 0\r\n\r\n' : 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    registry = createProberRegistry({ threads: 2 });
    const targets = Array.from({ length: 20 }, (_, i) => httpTarget(server!.port, { path: `/t${i}` }));
    const results = await Promise.all(targets.map((t) => registry!.get('http').probe(t, { timeoutMs: 3000 })));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).every((r) => r.code === 'L7STS')).toBe(true);
    // The same target object again reuses the thread's cached copy.
    expect((await registry.get('http').probe(targets[0]!, { timeoutMs: 3000 })).code).toMatch(/L7OK|L7STS/);
  });

  it('resolves on abort and after dispose, never rejects', async () => {
    server = await startScriptedServer(() => {});
    registry = createProberRegistry({ threads: 2 });
    const ac = new AbortController();
    const p = registry.get('http').probe(httpTarget(server.port), { timeoutMs: 5000, signal: ac.signal });
    ac.abort();
    expect(await p).toMatchObject({ ok: false, detail: 'probe aborted' });
    const q = registry.get('http').probe(httpTarget(server.port), { timeoutMs: 5000 });
    await registry.dispose();
    expect(await q).toMatchObject({ ok: false, code: 'INTERNAL' });
    registry = null;
  });
});
