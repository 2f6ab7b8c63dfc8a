import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogRecord } from '../../shared/model';
import { createLogger } from '../log';
import { createFileAuditSink } from './file-audit-sink';

interface Entry {
  atMs: number;
  op: string;
  pad?: string;
}

function memoryLogger() {
  const records: LogRecord[] = [];
  const logger = createLogger('audit', { minLevel: () => 'debug', write: (r) => records.push(r) });
  return { logger, records };
}

describe('createFileAuditSink', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends one JSON line per record, in call order, even when records arrive together', async () => {
    const path = join(dir, 'audit.log');
    const sink = createFileAuditSink<Entry>(path);
    for (let i = 0; i < 200; i++) sink.record({ atMs: i, op: 'backends:pause' });
    await sink.flush();
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(200);
    expect(lines.map((l) => (JSON.parse(l) as Entry).atMs)).toEqual([...Array(200).keys()]);
  });

  it('keeps appending to an existing file across sinks (restarts)', async () => {
    const path = join(dir, 'audit.log');
    const first = createFileAuditSink<Entry>(path);
    first.record({ atMs: 1, op: 'a' });
    await first.flush();
    const second = createFileAuditSink<Entry>(path);
    second.record({ atMs: 2, op: 'b' });
    expect((await second.list(10)).map((e) => e.op)).toEqual(['b', 'a']);
  });

  it('rotates once to path.1 when the file would pass maxBytes, so at most two files exist', async () => {
    const path = join(dir, 'audit.log');
    const sink = createFileAuditSink<Entry>(path, { maxBytes: 1000 });
    const pad = 'x'.repeat(150); // about 190 bytes a line: five lines per file
    for (let i = 0; i < 23; i++) sink.record({ atMs: i, op: 'op', pad });
    await sink.flush();
    expect((await stat(path)).size).toBeLessThanOrEqual(1000);
    expect((await stat(`${path}.1`)).size).toBeLessThanOrEqual(1000);
    const kept = await sink.list(100);
    // Newest first; the oldest records went with the older rotation.
    expect(kept[0]?.atMs).toBe(22);
    expect(kept.length).toBeLessThan(23);
    expect(kept.map((e) => e.atMs)).toEqual([...kept.map((e) => e.atMs)].sort((a, b) => b - a));
  });

  it('list returns the newest `limit` records and skips torn lines', async () => {
    const path = join(dir, 'audit.log');
    const sink = createFileAuditSink<Entry>(path);
    for (let i = 0; i < 5; i++) sink.record({ atMs: i, op: 'op' });
    await sink.flush();
    const { appendFile } = await import('node:fs/promises');
    await appendFile(path, '{"atMs": 9, "op"\n');
    expect((await sink.list(3)).map((e) => e.atMs)).toEqual([4, 3, 2]);
  });

  it('logs an unwritable path once and never throws into the caller', async () => {
    const path = join(dir, 'missing-dir', 'audit.log');
    const { logger, records } = memoryLogger();
    const sink = createFileAuditSink<Entry>(path, { logger });
    expect(() => {
      sink.record({ atMs: 1, op: 'a' });
      sink.record({ atMs: 2, op: 'b' });
    }).not.toThrow();
    await sink.flush();
    expect(records.filter((r) => r.msg === 'audit-write-failed')).toHaveLength(1);
    expect(await sink.list(10)).toEqual([]);
  });

  it('logs a record that cannot be encoded instead of throwing', async () => {
    const { logger, records } = memoryLogger();
    const sink = createFileAuditSink<object>(join(dir, 'audit.log'), { logger });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => sink.record(cyclic)).not.toThrow();
    await sink.flush();
    expect(records.map((r) => r.msg)).toContain('audit-encode-failed');
  });
});
