// Test-only: fast-check generator of configs shaped like maglev.yaml's schema, usually right in kind and
// wrong in detail, so that fuzzing reaches the cross-field (semantic) checks, not only the parser.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { SCALARS, type Tree } from './config-arbitraries';

/** A value that is usually of the right kind (`good`) and sometimes any scalar of the vocabulary. */
const mostly = <T extends Tree>(good: fc.Arbitrary<T>): fc.Arbitrary<Tree> =>
  fc.oneof(
    { weight: 5, arbitrary: good },
    { weight: 1, arbitrary: fc.constantFrom<Tree>(...SCALARS, null, 7) },
  );
const DURATIONS = ['100ms', '200ms', '500ms', '1s', '2s', '5s', '10s', '1m30s', '0s', '-1s', '1', '1.5s'];
const ADDRESSES = [
  '127.0.0.1',
  '127.0.0.2',
  '::1',
  '192.0.2.10',
  '2001:db8::10',
  '256.1.1.1',
  'host.example',
  '',
];
const HC_NAMES = ['web', 'tcp', 'ping', 'nope'];
const BACKEND_NAMES = ['web-a', 'web-b', 'db', 'gone'];
const record = (fields: Record<string, fc.Arbitrary<Tree>>, required: string[] = []): fc.Arbitrary<Tree> =>
  fc.record(fields, { requiredKeys: required as never[] }) as unknown as fc.Arbitrary<Tree>;

const healthcheck = record(
  {
    type: mostly(fc.constantFrom('http', 'https', 'tcp', 'icmp')),
    port: mostly(fc.integer({ min: -1, max: 70_000 })),
    interval: mostly(fc.constantFrom(...DURATIONS)),
    'fast-interval': mostly(fc.constantFrom(...DURATIONS)),
    'down-interval': mostly(fc.constantFrom(...DURATIONS)),
    timeout: mostly(fc.constantFrom(...DURATIONS)),
    rise: mostly(fc.integer({ min: 0, max: 5 })),
    fall: mostly(fc.integer({ min: 0, max: 5 })),
    params: mostly(
      record({
        path: mostly(fc.constantFrom('/', '/healthz', 'no-slash')),
        host: mostly(fc.constantFrom('www.example.com', '127.0.0.1')),
        'response-code': mostly(fc.constantFrom<Tree>(200, 204, '200-399', '399-200', 99, 600)),
        'response-regexp': mostly(fc.constantFrom('ok', '(?i)ok', '(', 'a{1,100000}')),
        'server-name': mostly(fc.constantFrom('www.example.com', '')),
        'insecure-skip-verify': mostly(fc.boolean()),
        ssl: mostly(fc.boolean()),
      }),
    ),
  },
  ['type'],
);
const backend = record(
  {
    address: mostly(fc.constantFrom(...ADDRESSES)),
    healthcheck: mostly(fc.constantFrom(...HC_NAMES)),
    enabled: mostly(fc.boolean()),
  },
  ['address'],
);
const pool = record(
  {
    name: mostly(fc.constantFrom('primary', 'standby', 'primary')),
    backends: mostly(
      fc.dictionary(
        fc.constantFrom(...BACKEND_NAMES),
        record({ weight: mostly(fc.integer({ min: -1, max: 101 })) }),
        { maxKeys: 3 },
      ),
    ),
  },
  ['name', 'backends'],
);
const frontend = record(
  {
    address: mostly(fc.constantFrom(...ADDRESSES)),
    protocol: mostly(fc.constantFrom('tcp', 'udp', 'any')),
    port: mostly(fc.integer({ min: -1, max: 70_000 })),
    description: mostly(fc.constantFrom('public web', '')),
    'src-ip-sticky': mostly(fc.boolean()),
    'flush-on-down': mostly(fc.boolean()),
    pools: mostly(fc.array(pool, { maxLength: 3 })),
  },
  ['address', 'pools'],
);

/**
 * Configs shaped like the schema, usually right in kind but wrong in detail (ranges, references,
 * families, durations): they get past parsing into the cross-field (semantic) checks.
 */
export const nearValidText: fc.Arbitrary<string> = record(
  {
    healthchecker: mostly(
      record({
        'transition-history': mostly(fc.integer({ min: 0, max: 20 })),
        netns: mostly(fc.constantFrom('', 'lab')),
        'probe-ipv4-src': mostly(fc.constantFrom('', '127.0.0.1', '::1')),
        'probe-ipv6-src': mostly(fc.constantFrom('', '::1', '127.0.0.1')),
      }),
    ),
    healthchecks: mostly(
      fc.dictionary(fc.constantFrom(...HC_NAMES.slice(0, 3)), healthcheck, { maxKeys: 3 }),
    ),
    backends: mostly(fc.dictionary(fc.constantFrom(...BACKEND_NAMES.slice(0, 3)), backend, { maxKeys: 3 })),
    frontends: mostly(fc.dictionary(fc.constantFrom('www', 'api'), frontend, { maxKeys: 2 })),
  },
  ['healthchecks', 'backends'],
).map((maglev) => stringify({ maglev }));
