import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpResponse } from '../../shared/ipc';
import { operations } from '../../shared/ipc';
import { createFileAuditSink } from '../audit';
import type { RequestContext, SiteService } from './types';
import type { SiteManager } from './manager-types';
import type { AuditRecord } from './site-service';
import { startFakeService } from './testing/fake-service';

const ctx: RequestContext = { readOnly: false, user: 'ana', host: 'ws-1', origin: 'web' };

let dir: string;
let manager: SiteManager;
let service: SiteService | undefined;

async function setup(withReader: boolean) {
  const sink = createFileAuditSink<AuditRecord>(join(dir, 'audit.log'));
  const started = await startFakeService(dir, 'sites:\n  - { name: Paris, kind: local, config: paris.yaml }\n', {
    service: { audit: sink, auditReader: withReader ? sink : undefined },
  });
  manager = started.manager;
  service = started.service;
  return { svc: started.service, sink };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-list-'));
});
afterEach(async () => {
  await service?.dispose();
  await manager?.dispose();
  service = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('audit:list through the site service', () => {
  it('returns the admin actions written by the file sink, newest first, with who/what/result', async () => {
    const { svc } = await setup(true);
    expect((await svc.invoke('backends:pause', { site: 'paris', backend: 'a' }, ctx)).ok).toBe(true);
    expect((await svc.invoke('backends:disable', { site: 'paris', backend: 'nope' }, ctx)).ok).toBe(false);
    await svc.invoke('backends:list', { site: 'paris' }, ctx); // read-only: not audited
    const res = await svc.invoke('audit:list', {}, ctx);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(operations['audit:list'].response.safeParse(res.value).success).toBe(true);
    const rows = res.value as OpResponse<'audit:list'>;
    expect(rows.map((r) => `${r.op} ${r.site} ${r.ok} ${r.user}@${r.host} ${r.origin}`)).toEqual([
      'backends:disable paris false ana@ws-1 web',
      'backends:pause paris true ana@ws-1 web',
    ]);
    expect(rows[0]?.error?.code).toBe('NOT_FOUND');
    expect(rows[1]?.args).toEqual({ site: 'paris', backend: 'a' });
  });

  it('honours limit and skips lines that do not match the contract', async () => {
    const { svc, sink } = await setup(true);
    await svc.invoke('backends:pause', { site: 'paris', backend: 'a' }, ctx);
    await sink.flush();
    await appendFile(join(dir, 'audit.log'), '{"hello":"world"}\n');
    await svc.invoke('backends:resume', { site: 'paris', backend: 'a' }, ctx);
    const res = await svc.invoke('audit:list', { limit: 2 }, ctx);
    expect(res.ok && (res.value as OpResponse<'audit:list'>).map((r) => r.op)).toEqual(['backends:resume']);
    expect((await svc.invoke('audit:list', { limit: 0 }, ctx)).ok).toBe(false);
  });

  it('answers an empty list when the host keeps no audit reader', async () => {
    const { svc } = await setup(false);
    await svc.invoke('backends:pause', { site: 'paris', backend: 'a' }, ctx);
    expect(await svc.invoke('audit:list', {}, ctx)).toEqual({ ok: true, value: [] });
  });
});
