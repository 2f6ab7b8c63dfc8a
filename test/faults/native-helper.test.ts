// Fault 5: the native probe helper (native/probe-helper.c) built with AddressSanitizer and UBSan, driven
// hard: thousands of probes in flight at once (its tables grow under them), hostile backends, aborts
// (cancel frames) racing the answers, targets forgotten and redefined between rounds. A memory error in
// the C code makes the sanitizer print to stderr and kill the helper; the test fails on either, and on
// any verdict that differs from what the in-process probers would say.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LogRecord } from '../../src/shared/model';
import { createLogger } from '../../src/core/log';
import { NativeProbeHelper } from '../../src/core/prober/native-prober';
import { httpTarget } from '../../src/core/prober/testing/servers';
import type { ProbeOutcome, ProbeTarget } from '../../src/core/prober/types';
import { createTestPki, type TestPki } from '../support/grpc/certs';
import {
  HOSTILE_KINDS,
  startHostileFarm,
  type HostileFarm,
  type HostileKind,
} from './support/hostile-servers';
import { EXPECTED, HANG_TIMEOUT_MS, type Expected } from './support/hostile-site';

const ROUNDS = 3;
const PER_ROUND = 3_000;
const FAST_TIMEOUT_MS = 10_000; // sanitizers slow the helper ~2–3×; only hanging kinds should time out

/** The plain-HTTP hostile kinds (not flap: judged per request); the helper reads only the status line. */
type PlainKind = Exclude<HostileKind, 'flap' | `tls-${string}`>;
const KINDS = HOSTILE_KINDS.filter((k): k is PlainKind => k !== 'flap' && !k.startsWith('tls-'));
const STATUS_ONLY: Expected = { codes: ['L7OK'], details: ['HTTP 200'] };
const REFUSED: Expected = { codes: ['L4CON'], details: ['connection refused'] };
const TOO_LONG: Expected = { codes: ['L7RSP'], details: ['status line too long'] };
const ABORTED: Expected = { codes: ['L7TOUT', 'L4TOUT'], details: ['probe aborted'] };

function buildSanitized(dir: string): string | null {
  const out = join(dir, 'maglev-probe-helper-asan');
  const flags = [
    '-O1',
    '-g',
    '-fsanitize=address,undefined',
    '-fno-omit-frame-pointer',
    '-fno-sanitize-recover=all',
  ];
  const r = spawnSync(process.env.CC || 'cc', [...flags, '-std=c11', '-o', out, 'native/probe-helper.c'], {
    encoding: 'utf8',
  });
  if (r.error || r.status !== 0) return null;
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'helper-asan-'));
const helperPath = process.platform === 'linux' ? buildSanitized(dir) : null;
if (!helperPath)
  console.warn('[faults] native helper sanitizer test SKIPPED: cc cannot build with -fsanitize=address');

let pki: TestPki | null = null;
let farm: HostileFarm | null = null;
let longStatus: Server | null = null;
let helper: NativeProbeHelper | null = null;
const logs: LogRecord[] = [];

beforeAll(async () => {
  if (!helperPath) return;
  pki = createTestPki();
  farm = await startHostileFarm({ cert: pki.serverCert, key: pki.serverKey });
  // resume(): read (and drop) the request, so the server sees the peer's close and the socket ends.
  longStatus = createServer((s) =>
    s
      .on('error', () => {})
      .resume()
      .end(`HTTP/1.1 200 ${'x'.repeat(20_000)}`),
  );
  await new Promise<void>((r) => longStatus?.listen(0, '127.0.0.1', r));
  const logger = createLogger('prober', { minLevel: () => 'debug', write: (r) => logs.push(r) });
  // ASan's own allocator caps are far above this; leak checking at exit would only slow the kill.
  process.env.ASAN_OPTIONS = 'detect_leaks=0:abort_on_error=1';
  helper = new NativeProbeHelper({ path: helperPath, logger });
});

afterAll(async () => {
  await helper?.dispose();
  await farm?.close();
  await new Promise((r) => (longStatus ? longStatus.close(r) : r(null)));
  pki?.remove();
  rmSync(dir, { recursive: true, force: true });
});

interface Case {
  target: ProbeTarget;
  timeoutMs: number;
  expected: Expected;
  abort: AbortController | null;
}

/** One round: a fresh target object per probe (so the previous round's targets are forgotten). */
function round(f: HostileFarm, refusedPort: number, longPort: number): Case[] {
  return Array.from({ length: PER_ROUND }, (_, i): Case => {
    const kind = KINDS[i % KINDS.length] ?? 'ok';
    const abort = i % 11 === 0 ? new AbortController() : null;
    const path = `/${kind}-${i}`;
    if (i % 97 === 0)
      return {
        target: httpTarget(refusedPort, { path }),
        timeoutMs: FAST_TIMEOUT_MS,
        expected: REFUSED,
        abort,
      };
    if (i % 89 === 0)
      return {
        target: httpTarget(longPort, { path }),
        timeoutMs: FAST_TIMEOUT_MS,
        expected: TOO_LONG,
        abort,
      };
    const expected = kind === 'hang-body' || kind.startsWith('huge-') ? STATUS_ONLY : EXPECTED[kind];
    const timeoutMs = kind === 'hang-silent' ? HANG_TIMEOUT_MS : FAST_TIMEOUT_MS;
    return { target: httpTarget(f.port(kind), { path }), timeoutMs, expected, abort };
  });
}

function judge(c: Case, r: ProbeOutcome): string | null {
  const e = c.abort && r.detail === 'probe aborted' ? ABORTED : c.expected;
  const ok = e.codes.includes(r.code) && (!e.details || e.details.includes(r.detail));
  return ok
    ? null
    : `${c.target.port}${c.target.http?.path}: ${r.code} "${r.detail}" (want ${e.codes.join('|')})`;
}

it.skipIf(!helperPath)('survives thousands of hostile probes in flight under ASan and UBSan', async () => {
  const f = farm!;
  const h = helper!;
  const refused = createServer();
  await new Promise<void>((r) => refused.listen(0, '127.0.0.1', r));
  const refusedPort = (refused.address() as { port: number }).port;
  await new Promise((r) => refused.close(r));
  const longPort = (longStatus!.address() as { port: number }).port;
  let pid: number | undefined;
  for (let n = 0; n < ROUNDS; n++) {
    const t0 = performance.now();
    const cases = round(f, refusedPort, longPort);
    const pending = cases.map((c) => h.probe(c.target, { timeoutMs: c.timeoutMs, signal: c.abort?.signal }));
    // Aborts race the answers: some land before the helper has even read the probe frame.
    cases.forEach(
      (c, i) =>
        c.abort && (i % 2 ? queueMicrotask(() => c.abort?.abort()) : setImmediate(() => c.abort?.abort())),
    );
    const wrong = (await Promise.all(pending))
      .map((r, i) => judge(cases[i] as Case, r))
      .filter((w) => w !== null);
    expect(wrong.slice(0, 20), `${wrong.length} wrong verdicts in round ${n}`).toEqual([]);
    console.log(
      `[faults] native helper round ${n}: ${PER_ROUND} probes in ${Math.round(performance.now() - t0)} ms`,
    );
    pid ??= h.pid;
    expect(h.pid, 'the helper was restarted').toBe(pid);
    (globalThis as { gc?: () => void }).gc?.(); // lets the FinalizationRegistry send 'F' (forget) frames
  }
  const trouble = logs.filter((r) => r.msg === 'probe-helper-lost' || r.msg === 'probe-helper-stderr');
  expect(trouble.map((r) => `${r.msg} ${JSON.stringify(r.attrs)}`)).toEqual([]);
});
