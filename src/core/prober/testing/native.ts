// The native helper in tests: the transports a prober suite runs on, and one helper per suite.
import { spawnSync } from 'node:child_process';
import { afterAll } from 'vitest';
import { findProbeHelper } from '../native-helper-path';
import { createNativeProber, NativeProbeHelper } from '../native-prober';
import type { Prober } from '../types';

/** The built helper, or null (then the suites say "skipped: native probe helper not built"). */
export const HELPER_PATH = findProbeHelper();

/** Whether this machine has a C compiler: then `npm install` must have built the helper. */
export const HAVE_CC = spawnSync(process.env.CC || 'cc', ['--version']).status === 0;

/** The transports to run a suite on: net, handle, and native when the helper is built. */
export const TRANSPORTS = (HELPER_PATH ? ['net', 'handle', 'native'] : ['net', 'handle']) as readonly (
  'net' | 'handle' | 'native'
)[];

/** A prober that runs what it can on a helper of its own (stopped after the suite), the rest on `fallback`. */
export function nativeProber(fallback: Prober): Prober {
  if (!HELPER_PATH) throw new Error('native probe helper not built');
  const helper = new NativeProbeHelper({ path: HELPER_PATH });
  afterAll(() => helper.dispose());
  return createNativeProber(helper, fallback);
}
