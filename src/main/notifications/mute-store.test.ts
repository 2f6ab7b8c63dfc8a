import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMuteStore } from './mute-store';
import { createLogger, type LogSink } from '../../core/log';
import type { LogRecord } from '../../shared/model';

const fs = { readFile, writeFile, rename };
let dir: string;
let logs: LogRecord[];
const sink: LogSink = { minLevel: () => 'debug', write: (r) => logs.push(r) };
const logger = () => createLogger('test', sink);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mutes-'));
  logs = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('loadMuteStore', () => {
  it('starts empty without a file and persists mutes across loads', async () => {
    const path = join(dir, 'mutes.json');
    const a = await loadMuteStore(path, fs, logger());
    expect(a.list()).toEqual([]);
    await a.setMuted('s', 'web1', true);
    await a.setMuted('s', 'web2', true);
    await a.setMuted('s', 'web1', false);
    const b = await loadMuteStore(path, fs, logger());
    expect(b.isMuted('s', 'web2')).toBe(true);
    expect(b.isMuted('s', 'web1')).toBe(false);
    expect(b.isMuted('t', 'web2')).toBe(false);
    await b.clear();
    expect((await loadMuteStore(path, fs, logger())).list()).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('keeps site and backend apart (no ambiguous keys)', async () => {
    const s = await loadMuteStore(join(dir, 'm.json'), fs, logger());
    await s.setMuted('a/b', 'c', true);
    expect(s.isMuted('a', 'b/c')).toBe(false);
  });

  it('ignores a malformed file with a warning', async () => {
    const path = join(dir, 'mutes.json');
    await writeFile(path, '{"version":1,"muted":"all"}');
    const s = await loadMuteStore(path, fs, logger());
    expect(s.list()).toEqual([]);
    expect(logs.map((l) => l.msg)).toEqual(['ignoring a malformed mute file']);
    await writeFile(path, 'not json');
    await loadMuteStore(path, fs, logger());
    expect(logs.map((l) => l.msg)).toContain('cannot read the mute file');
  });

  it('logs, does not throw, when it cannot save', async () => {
    const s = await loadMuteStore(join(dir, 'missing-dir', 'mutes.json'), fs, logger());
    await s.setMuted('s', 'b', true);
    expect(s.isMuted('s', 'b')).toBe(true);
    expect(logs.map((l) => l.msg)).toEqual(['cannot save the mute file']);
  });
});
