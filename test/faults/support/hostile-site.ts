// Test-only: the maglev.yaml of a site made of hostile backends, and the verdict each one must get.
import type { HostileFarm, HostileKind } from './hostile-servers';
import { HOSTILE_KINDS } from './hostile-servers';

export interface HostileBackend {
  name: string;
  kind: HostileKind;
  /** The request path of its check (the flap backend keeps one sequence per path). */
  path: string;
}

/** Kinds whose probes always end by the timeout: short checks, so they do not slow the test. */
const HANGING: ReadonlySet<HostileKind> = new Set(['hang-silent', 'hang-body', 'tls-hang']);
export const HANG_TIMEOUT_MS = 300;
/** The others answer at once; their timeout is long so that a busy machine cannot turn them into timeouts. */
export const FAST_TIMEOUT_MS = 500;

/** The verdicts a kind's probes may end with: codes, and details where they are stable. */
export interface Expected {
  codes: readonly string[];
  details?: readonly string[];
}

/** What every probe of a kind must report; flap is judged per request instead. */
export const EXPECTED: Record<Exclude<HostileKind, 'flap'>, Expected> = {
  ok: { codes: ['L7OK'], details: ['HTTP 200'] },
  'hang-silent': { codes: ['L7TOUT'], details: [`timeout after ${HANG_TIMEOUT_MS}ms while reading response`] },
  'hang-body': { codes: ['L7TOUT'], details: [`timeout after ${HANG_TIMEOUT_MS}ms while reading response`] },
  // The RST reaches the socket as its connect completes: whether Node reports the connect first (then
  // the reset hits the request: L7RSP) or the error first (L4CON) is a race inside the kernel and libuv.
  // Either is a correct verdict of "the backend reset the connection"; anything else is not.
  'reset-accept': { codes: ['L4CON', 'L7RSP'], details: ['connection reset'] },
  'reset-request': { codes: ['L7RSP'], details: ['connection reset'] },
  // 64 KiB of the 1 GiB body is enough for the regexp; the prober then hangs up.
  'huge-length': { codes: ['L7OK'], details: ['HTTP 200'] },
  'huge-chunked': { codes: ['L7OK'], details: ['HTTP 200'] },
  'tls-ok': { codes: ['L7OK'], details: ['HTTP 200'] },
  'tls-garbage': { codes: ['L6RSP'] },
  'tls-plaintext': { codes: ['L6RSP'] },
  'tls-hang': { codes: ['L6TOUT'], details: [`timeout after ${HANG_TIMEOUT_MS}ms during TLS handshake`] },
};

function check(b: HostileBackend, port: number): string {
  const t = HANGING.has(b.kind) ? HANG_TIMEOUT_MS : FAST_TIMEOUT_MS;
  const times = `interval: ${t}ms, fast-interval: ${t}ms, down-interval: ${t}ms, timeout: ${t}ms, rise: 1, fall: 1`;
  const tls = b.kind.startsWith('tls-');
  // A body is only read when a regexp needs it: the hanging and huge bodies must be read to matter.
  const regexp = b.kind === 'hang-body' || b.kind.startsWith('huge-') ? ', response-regexp: "^ok"' : '';
  const params = `path: ${b.path}${tls ? ', insecure-skip-verify: true' : ''}${regexp}`;
  return `    ${b.name}: { type: ${tls ? 'https' : 'http'}, port: ${port}, ${times}, params: { ${params} } }`;
}

/** `copies` backends of every hostile kind on 127.0.0.1, each with its own check. */
export function hostileSite(farm: HostileFarm, copies: number): { yaml: string; backends: HostileBackend[] } {
  const backends = HOSTILE_KINDS.flatMap((kind) =>
    Array.from({ length: copies }, (_, i): HostileBackend => ({ name: `${kind}-${i}`, kind, path: `/${kind}-${i}` })),
  );
  const yaml = [
    'maglev:',
    '  healthchecks:',
    ...backends.map((b) => check(b, farm.port(b.kind))),
    '  backends:',
    ...backends.map((b) => `    ${b.name}: { address: 127.0.0.1, healthcheck: ${b.name} }`),
  ].join('\n');
  return { yaml: `${yaml}\n`, backends };
}
