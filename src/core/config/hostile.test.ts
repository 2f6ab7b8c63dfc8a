// Hostile input: every case must come back as clean issues, never a throw, and in linear time.
// The time bound is deliberately loose (a shared CI machine): it only catches quadratic or
// exponential blow-ups, which take minutes on these inputs (spec/config.md "Size and speed").
import { describe, expect, it } from 'vitest';
import { loadConfig } from './index';
import type { LoadResult } from './index';

const GENEROUS_MS = 10_000;

function timed(text: string): { r: LoadResult; messages: string[] } {
  const t0 = performance.now();
  const r = loadConfig(text);
  expect(performance.now() - t0).toBeLessThan(GENEROUS_MS);
  expect(r.ok).toBe(false);
  return { r, messages: r.ok ? [] : r.issues.map((i) => `${i.line}:${i.col}: ${i.message}`) };
}

const laughs = (levels: number): string => {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + `\nmaglev: *a${levels - 1}\n`;
};

/** Aliases shaped like the schema, so that a naive walk would expand them: 2000 × 100 × 10 members. */
const schemaBomb = (): string =>
  [
    'maglev:',
    '  healthchecks: { h: { type: tcp, port: 1 } }',
    '  backends: { x: { address: 10.0.0.1, healthcheck: h } }',
    '  frontends:',
    `    f0: { address: 10.0.0.9, port: 1, pools: [ &q { name: a, backends: { ${Array.from({ length: 10 }, (_, i) => `x${i}: {}`).join(', ')} } } ] }`,
    `    f1: &f1 { address: 10.0.0.9, port: 1, pools: [${Array(100).fill('*q').join(', ')}] }`,
    ...Array.from({ length: 2000 }, (_, i) => `    g${i}: *f1`),
  ].join('\n');

describe('hostile input', () => {
  it('an empty file, or only comments', () => {
    expect(timed('').messages).toEqual(['1:1: the file is empty: expected a "maglev:" map']);
    expect(timed('# nothing here\n\n').messages).toEqual(['1:1: the file is empty: expected a "maglev:" map']);
  });

  it('binary garbage (5 MB) is refused before parsing', () => {
    const bytes = Array.from({ length: 5_000_000 }, (_, i) => (i * 7919 + 13) % 256);
    const { r, messages } = timed(Buffer.from(bytes).toString('latin1'));
    expect(r.ok ? '' : r.kind).toBe('parse');
    expect(messages[0]).toBe('1:8: invalid character U+0096 (YAML is text; is this a binary file?)');
    expect(messages.at(-1)).toMatch(/^\d+:\d+: \d+ more invalid characters not listed$/);
    expect(messages).toHaveLength(11);
  });

  it('a NUL byte in an otherwise fine file', () => {
    expect(timed('maglev:\n  x: "\0"\n').messages).toEqual(['2:7: invalid character U+0000 (YAML is text; is this a binary file?)']);
  });

  it('5 MB on one line (a quoted scalar, a comment) is refused', () => {
    expect(timed(`maglev:\n  x: "${'a'.repeat(5_000_000)}"\n`).messages).toEqual(['2:65537: line too long (5000007 characters; the limit is 65536)']);
    expect(timed('#'.repeat(5_000_000)).messages).toEqual(['1:65537: line too long (5000000 characters; the limit is 65536)']);
  });

  it('a 5 MB multi-line block scalar', () => {
    const text = `maglev:\n  notes: |\n${`    ${'a'.repeat(70)}\n`.repeat(70_000)}`;
    expect(text.length).toBeGreaterThan(5_000_000);
    expect(timed(text).messages).toEqual(['2:3: unknown key "notes" in maglev (valid: healthchecker, vpp, healthchecks, backends, frontends, vips)']);
  });

  it('10,000 levels of [ and of {', () => {
    for (const open of ['[', '{a: ']) {
      const { messages } = timed(open.repeat(10_000));
      expect(messages.filter((m) => m.endsWith('document nested too deeply'))).toHaveLength(1);
      expect(messages.length).toBeLessThanOrEqual(102);
    }
  });

  it('thousands of nested block maps', () => {
    const text = 'maglev:\n' + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n');
    expect(timed(text).messages).toEqual([expect.stringMatching(/^\d+:\d+: document nested too deeply$/)]);
  });

  it('billion laughs (9^9 through aliases) is never expanded', () => {
    const { messages } = timed(laughs(9));
    expect(messages[0]).toBe('1:1: unknown key "a0" in the top level (valid: maglev)');
    expect(messages.at(-1)).toBe('10:9: expected the maglev section (a map), got a list');
  });

  it('an alias bomb shaped like the schema stops at the visit budget', () => {
    const { r, messages } = timed(schemaBomb());
    expect(r.ok ? '' : r.kind).toBe('parse');
    expect(messages).toEqual([expect.stringMatching(/aliases expand to too many nodes \(alias bomb\?\); not reading further$/)]);
  });

  it('an alias inside its own anchor (a cycle)', () => {
    const { messages } = timed('maglev: &a { frontends: { f: { pools: [ *a ] } } }\n');
    expect(messages[0]).toBe('1:14: unknown key "frontends" in pool (valid: name, backends)');
  });

  it('60,000 keys with 30,000 duplicates in one map (the yaml package check is quadratic)', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `  k${i % 30_000}: 1`).join('\n');
    const { messages } = timed(`maglev: {}\nx:\n${keys}\n`);
    expect(messages).toHaveLength(30_001);
    expect(messages[0]).toBe('2:1: unknown key "x" in the top level (valid: maglev)');
    expect(messages[1]).toBe('30003:3: duplicate key "k0" (first defined on line 3)');
  });

  it('odd YAML: several documents, tabs, a scalar root, complex keys, huge numbers', () => {
    expect(timed('maglev: {}\n---\nmaglev: {}\n').messages).toEqual(['2:1: Source contains multiple documents; please use YAML.parseAllDocuments()']);
    expect(timed('maglev:\n\tbackends: {}\n').messages).toEqual(['2:1: Tabs are not allowed as indentation']);
    expect(timed('42').messages).toEqual(['1:1: expected the top level (a map), got the number 42']);
    expect(timed('maglev:\n  ? [a, b]\n  : 1\n').messages).toEqual(['2:5: expected a name as the key, got a list']);
    expect(timed('maglev:\n  healthchecks: { h: { type: tcp, port: 999999999999999999999999 } }\n').messages).toEqual([
      '2:41: expected an integer, got the number 999999999999999999999999',
    ]);
  });
});
