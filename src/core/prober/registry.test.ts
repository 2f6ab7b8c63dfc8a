import { afterEach, describe, expect, it } from 'vitest';
import { createProberRegistry } from './registry';
import { httpTarget, startScriptedServer, type ScriptedServer } from './testing/servers';
import type { ProbeTarget, ProberRegistry } from './types';

let server: ScriptedServer | null = null;
let registry: ProberRegistry | null = null;
afterEach(async () => {
  await registry?.dispose();
  await server?.close();
  registry = null;
  server = null;
});

describe('in-process prober registry', () => {
  it.each(['net', 'handle', 'native', 'auto'] as const)('probes http and tcp on the %s transport', async (transport) => {
    server = await startScriptedServer((sock) => sock.end('HTTP/1.1 204 No Content\r\n\r\n'));
    registry = createProberRegistry({ transport });
    const http = httpTarget(server.port, { codeMin: 204, codeMax: 204 });
    expect(await registry.get('http').probe(http, { timeoutMs: 2000 })).toMatchObject({
      ok: true,
      detail: 'HTTP 204',
    });
    const tcp: ProbeTarget = {
      ...http,
      kind: 'tcp',
      http: null,
      tcp: { ssl: false, serverName: null, insecureSkipVerify: false },
    };
    expect(await registry.get('tcp').probe(tcp, { timeoutMs: 2000 })).toMatchObject({
      ok: true,
      code: 'L4OK',
    });
  });
});
