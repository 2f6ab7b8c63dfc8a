import { deepFreeze, semantic } from './check-context';
import type { CheckCtx } from './check-context';
import { buildBackends, buildFrontends } from './check-frontends';
import { buildHealthChecks, buildHealthchecker, checkSourceAddress } from './check-healthchecks';
import { formatDuration } from './duration';
import { expandLegacy } from './legacy';
import type { RawConfig } from './raw-model';
import type { Config, VppLbConfig } from './types';

/**
 * Runs the semantic checks over what the reader produced and assembles the normalised Config.
 * Order matters: healthchecks first (legacy backends are shared only between VIPs whose checks
 * are equal), then backends, then frontends (families come from the backends' addresses).
 * The result is only meaningful when no error was recorded; the caller decides.
 */
export function buildConfig(ctx: CheckCtx, raw: RawConfig): Config {
  const healthchecker = buildHealthchecker(ctx, raw.healthchecker);
  const vpp = buildVpp(ctx, raw.vpp);
  const checks = buildHealthChecks(ctx, raw.healthchecks);
  let { backends: rawBackends, frontends: rawFrontends, backendNames } = raw;
  if (raw.legacy) {
    const derived = expandLegacy(ctx, raw.legacy.vips, checks);
    rawBackends = derived.backends;
    rawFrontends = derived.frontends;
    backendNames = derived.names;
  }
  const backends = buildBackends(ctx, rawBackends, raw.healthcheckNames);
  const frontends = buildFrontends(ctx, rawFrontends, { names: backendNames, valid: backends });
  return deepFreeze({
    healthchecker,
    vpp,
    healthchecks: [...checks.values()],
    backends: [...backends.values()],
    frontends,
    legacy: raw.legacy !== null,
  });
}

const VPP_DEFAULTS = { syncIntervalMs: 30_000, startupMinDelayMs: 5_000, startupMaxDelayMs: 30_000 };

function buildVpp(ctx: CheckCtx, raw: RawConfig['vpp']): Config['vpp'] {
  if (!raw) return null;
  const lb = raw.lb;
  if (!lb) return { lb: null };
  const positive = (f: typeof lb.syncInterval, key: string, dflt: number): number => {
    if (f && f.v <= 0) semantic(ctx, f.at, `${key} ${formatDuration(f.v)} must be positive`);
    return f?.v ?? dflt;
  };
  const out: VppLbConfig = {
    ipv4SrcAddress: checkSourceAddress(ctx, lb.ipv4SrcAddress, 4, 'ipv4-src-address'),
    ipv6SrcAddress: checkSourceAddress(ctx, lb.ipv6SrcAddress, 6, 'ipv6-src-address'),
    syncIntervalMs: positive(lb.syncInterval, 'sync-interval', VPP_DEFAULTS.syncIntervalMs),
    startupMinDelayMs: positive(lb.startupMinDelay, 'startup-min-delay', VPP_DEFAULTS.startupMinDelayMs),
    startupMaxDelayMs: positive(lb.startupMaxDelay, 'startup-max-delay', VPP_DEFAULTS.startupMaxDelayMs),
  };
  if (out.startupMinDelayMs > out.startupMaxDelayMs) {
    const at = lb.startupMinDelay?.at ?? lb.startupMaxDelay?.at ?? lb.at;
    semantic(
      ctx,
      at,
      `startup-min-delay ${formatDuration(out.startupMinDelayMs)} is larger than startup-max-delay ${formatDuration(out.startupMaxDelayMs)}`,
    );
  }
  return { lb: out };
}
