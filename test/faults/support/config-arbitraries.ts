// Test-only: fast-check generators of maglev.yaml-ish text: token soup, random trees in the schema's
// vocabulary (serialised by the yaml package), and mutations of the real fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Keys of the schema (and a few near misses), so random text often reaches deep validation. */
const KEYS = [
  'maglev',
  'healthchecker',
  'transition-history',
  'netns',
  'probe-ipv4-src',
  'probe-ipv6-src',
  'vpp',
  'lb',
  'ipv4-src-address',
  'sync-interval',
  'healthchecks',
  'type',
  'port',
  'interval',
  'fast-interval',
  'down-interval',
  'timeout',
  'rise',
  'fall',
  'params',
  'path',
  'host',
  'response-code',
  'response-regexp',
  'server-name',
  'insecure-skip-verify',
  'ssl',
  'backends',
  'address',
  'healthcheck',
  'enabled',
  'frontends',
  'description',
  'protocol',
  'src-ip-sticky',
  'flush-on-down',
  'pools',
  'name',
  'weight',
  'vips',
  'web',
  'web-a',
  'intervall',
  'Port',
  '<<',
  '',
];
/** Scalars of every type the schema meets, valid and not. */
export const SCALARS = [
  'http',
  'https',
  'tcp',
  'icmp',
  'udp',
  'any',
  '1s',
  '200ms',
  '1m30s',
  '0s',
  '-1s',
  '10',
  '0',
  '-1',
  '65536',
  '100',
  '101',
  '200-299',
  '299-200',
  '10.0.0.1',
  '127.0.0.1',
  '2001:db8::1',
  '::',
  '256.1.1.1',
  'true',
  'false',
  'yes',
  'null',
  '~',
  '(?i)ok',
  '(',
  '[a-',
  '""',
  "''",
  '1e400',
  '0x1F',
  '.inf',
  '-.nan',
  '"\\u0000"',
  'é',
  '😀',
];
/** Pieces of YAML syntax, including its rarely used corners. */
const SYNTAX = [
  '\n',
  '\n  ',
  '\n    ',
  '\n- ',
  ': ',
  ':',
  '- ',
  '{',
  '}',
  '[',
  ']',
  ', ',
  '&a ',
  '*a',
  '&b ',
  '*b',
  '<<: *a',
  '!!str ',
  '!!map ',
  '!!binary ',
  '!custom ',
  '"',
  "'",
  '# comment',
  '|',
  '|-',
  '>',
  '? ',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '%TAG ! tag:x,2000:\n',
  '\t',
  '\r\n',
  '\r',
  ' ',
  '\\',
  '@',
  '`',
  '\u00a0',
  '\ufeff',
];

/** Token soup: sequences of keys, scalars and syntax, with some arbitrary characters mixed in. */
export const yamlishText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SYNTAX) },
      { weight: 3, arbitrary: fc.constantFrom(...KEYS) },
      { weight: 2, arbitrary: fc.constantFrom(...SCALARS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

export type Tree = string | number | boolean | null | Tree[] | { [key: string]: Tree };

const trees = fc.letrec<{ tree: Tree; map: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Tree>(...SCALARS, null, true, 0, -5, 80, 1.5),
    tie('map'),
    fc.array(tie('tree'), { maxLength: 3 }),
  ),
  map: fc.dictionary(fc.constantFrom(...KEYS), tie('tree'), { maxKeys: 5 }),
}));

/** Random trees whose keys and scalars come from the schema's vocabulary, rooted at `maglev:` mostly. */
export const schemaShapedText: fc.Arbitrary<string> = fc
  .tuple(
    trees.map,
    fc.integer({ min: 0, max: 9 }),
    fc.constantFrom<'block' | 'flow'>('block', 'block', 'flow'),
  )
  .map(([map, roll, style]) => {
    const root = roll < 8 ? { maglev: map } : roll === 8 ? map : [map];
    return stringify(root, style === 'flow' ? { collectionStyle: 'flow' } : {});
  });

/** One edit of a text; positions are fractions of its length, so any edit applies to any text. */
type Mutation = (text: string) => string;

const TOKENS = [...SYNTAX, ...KEYS, ...SCALARS];
const at = (text: string, f: number): number => Math.floor(f * (text.length + 1));
const lineAt = (lines: string[], f: number): number =>
  Math.min(lines.length - 1, Math.floor(f * lines.length));
const onLines =
  (edit: (lines: string[]) => void): Mutation =>
  (text) => {
    const lines = text.split('\n');
    edit(lines);
    return lines.join('\n');
  };
const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Insert a token, replace a span with one, or delete a span.
  fc.tuple(frac, fc.constantFrom(...TOKENS)).map(
    ([f, tok]): Mutation =>
      (t) =>
        t.slice(0, at(t, f)) + tok + t.slice(at(t, f)),
  ),
  fc.tuple(frac, fc.integer({ min: 1, max: 12 }), fc.constantFrom(...TOKENS)).map(
    ([f, n, tok]): Mutation =>
      (t) =>
        t.slice(0, at(t, f)) + tok + t.slice(at(t, f) + n),
  ),
  fc.tuple(frac, fc.integer({ min: 1, max: 40 })).map(
    ([f, n]): Mutation =>
      (t) =>
        t.slice(0, at(t, f)) + t.slice(at(t, f) + n),
  ),
  // Replace one character by an arbitrary one (control characters, surrogates and all).
  fc.tuple(frac, fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })).map(
    ([f, c]): Mutation =>
      (t) =>
        t.slice(0, at(t, f)) + c + t.slice(at(t, f) + 1),
  ),
  // Line edits: delete, duplicate, swap, re-indent.
  frac.map((f): Mutation => onLines((l) => void l.splice(lineAt(l, f), 1))),
  frac.map((f): Mutation => onLines((l) => void l.splice(lineAt(l, f), 0, l[lineAt(l, f)] ?? ''))),
  fc.tuple(frac, frac).map(([f, g]): Mutation =>
    onLines((l) => {
      const [i, j] = [lineAt(l, f), lineAt(l, g)];
      [l[i], l[j]] = [l[j] ?? '', l[i] ?? ''];
    }),
  ),
  fc.tuple(frac, fc.integer({ min: -4, max: 4 })).map(([f, d]): Mutation =>
    onLines((l) => {
      const i = lineAt(l, f);
      const line = l[i] ?? '';
      l[i] = d >= 0 ? ' '.repeat(d) + line : line.replace(new RegExp(`^ {0,${-d}}`), '');
    }),
  ),
  // Cut the file short.
  frac.map(
    (f): Mutation =>
      (t) =>
        t.slice(0, at(t, f)),
  ),
);

/** Every YAML file under `dirs` (the real fixtures), as text. */
export function readFixtures(dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8')),
  );
}

/** One of `fixtures` with one to four random edits. */
export function mutatedFixtureText(fixtures: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => edits.reduce((t, edit) => edit(t), text));
}
