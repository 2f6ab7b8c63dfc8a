import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTO_LOADER_OPTIONS } from './proto';

const ROOT = join(__dirname, '..', '..', '..');
const GENERATED = join(__dirname, 'generated');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

describe('generated proto types', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'maglev-gen-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('match proto/maglev.proto (run `npm run gen:proto` after changing it)', async () => {
    const gen = (await import(join(ROOT, 'scripts', 'gen-proto.mjs'))) as { generate(out: string): void };
    gen.generate(tmp);
    const fresh = listFiles(tmp)
      .map((f) => relative(tmp, f))
      .sort();
    const committed = listFiles(GENERATED)
      .map((f) => relative(GENERATED, f))
      .sort();
    expect(committed).toEqual(fresh);
    for (const f of fresh)
      expect(readFileSync(join(GENERATED, f), 'utf8'), f).toBe(readFileSync(join(tmp, f), 'utf8'));
  });

  it('were generated with the run-time loader options', async () => {
    const gen = (await import(join(ROOT, 'scripts', 'gen-proto.mjs'))) as {
      LOADER_OPTIONS: Record<string, unknown>;
    };
    const runtime = {
      ...PROTO_LOADER_OPTIONS,
      longs: PROTO_LOADER_OPTIONS.longs?.name,
      enums: PROTO_LOADER_OPTIONS.enums?.name,
    };
    expect(runtime).toEqual(gen.LOADER_OPTIONS);
  });
});
