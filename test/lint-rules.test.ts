// Proves that the import rules of eslint.config.mjs fire: deliberately bad code is linted at
// virtual paths (nothing is written to disk) and each must be reported by the expected rule.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function lint(filePath: string, code: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath), warnIgnored: true });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('lint rules from design.md', () => {
  it('accepts a well-behaved core file (control)', async () => {
    expect(await lint('src/core/config/fine-file.ts', "export { loadConfig } from './load';\n")).toEqual([]);
    expect(await lint('src/main/fine-file.ts', "export { loadConfig } from '../core/config';\n")).toEqual([]);
  });

  it('core never imports electron (or react)', async () => {
    expect(await lint('src/core/prober/uses-electron.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([
      { rule: 'no-restricted-imports', message: expect.stringContaining('core and shared never import electron') },
    ]);
    expect(await lint('src/shared/model/uses-react.ts', "import { useState } from 'react';\nexport const x = useState;\n")).toEqual([
      { rule: 'no-restricted-imports', message: expect.stringContaining('core and shared never import react') },
    ]);
  });

  it('outside a core module, only its index may be imported', async () => {
    expect(await lint('src/main/deep-import.ts', "import { loadConfig } from '../core/config/load';\nexport const x = loadConfig;\n")).toEqual([
      { rule: 'import-x/no-restricted-paths', message: expect.stringContaining('import core/config through its index only') },
    ]);
  });

  it('file names are kebab-case', async () => {
    expect(await lint('src/core/config/BadName.ts', 'export const x = 1;\n')).toEqual([
      { rule: 'check-file/filename-naming-convention', message: expect.stringContaining('KEBAB_CASE') },
    ]);
  });

  it('core/config never imports core/checker', async () => {
    const found = await lint('src/core/config/uses-checker.ts', "import type { Checker } from '../checker';\nexport type X = Checker;\n");
    expect(found.map((f) => f.rule)).toContain('import-x/no-restricted-paths');
  });

  it('the renderer has no Node built-ins and no core', async () => {
    expect(await lint('src/renderer/src/features/vips/read-file.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([
      { rule: 'no-restricted-imports', message: expect.stringContaining('the renderer has no Node built-ins') },
    ]);
    const core = await lint('src/renderer/src/features/vips/uses-core.ts', "import { loadConfig } from '../../../../core/config';\nexport const x = loadConfig;\n");
    expect(core.map((f) => f.rule)).toContain('import-x/no-restricted-paths');
  });
});
