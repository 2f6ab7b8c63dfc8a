import { readFileSync } from 'node:fs';
import type { BackendRow, FrontendInfo, SiteSpec } from '../../shared/model';
import type { ClientTls, MaglevClient, MaglevClientOptions, RemoteEvent } from '../grpc';
import { createMaglevClient } from '../grpc';
import type { Logger } from '../log';
import type { Clock, RandomSource, Result } from '../util';
import { err, ok, toAppError } from '../util';
import type { Site, SiteEvent } from './types';
import { createEmitter } from './emitter';
import { createFailedSite } from './failed-site';
import { createLogBuffer } from './log-buffer';
import { createRemoteHistory } from './remote-history';
import { buildSummary } from './site-summary';
import { createTransitionLog } from './transition-log';

type RemoteSpec = Extract<SiteSpec, { kind: 'remote' }>;

/** What a remote site is built from; `client`/`createClient` let tests supply the gRPC side. */
export interface RemoteSiteOptions {
  id: string;
  spec: SiteSpec;
  clock: Clock;
  random: RandomSource;
  logger: Logger;
  /** A ready client (tests); by default the site creates one from the spec. */
  client?: MaglevClient;
  /** Builds the client from the options the site derived from its spec (TLS material read). */
  createClient?: (options: MaglevClientOptions) => MaglevClient;
  /** Probe samples kept per backend (default one hour at 1 s). */
  historyCapacity?: number;
  transitionCapacity?: number;
}

/** Why a remote site cannot edit its config; shown by the editor and returned by `config:apply`. */
export const REMOTE_APPLY_REFUSAL = "remote sites' config files live on the daemon's host; use Check/Reload";

/** Reads the TLS files a sites entry names. An entry with `tls` never connects in plaintext. */
export function loadClientTls(tls: RemoteSpec['tls'], read: (path: string) => Buffer = readFileSync): Result<ClientTls | null> {
  if (!tls) return ok(null);
  const out: ClientTls = {};
  for (const key of ['ca', 'cert', 'key'] as const) {
    const path = tls[key];
    if (path === undefined) continue;
    try {
      out[key] = read(path);
    } catch (e) {
      return err({ code: 'FAILED_PRECONDITION', message: `TLS ${key} ${path}: ${toAppError(e).message}` });
    }
  }
  if ((out.cert === undefined) !== (out.key === undefined)) {
    return err({ code: 'FAILED_PRECONDITION', message: 'TLS: a client certificate needs both cert and key' });
  }
  if (tls.serverName !== undefined) out.serverName = tls.serverName;
  return ok(out);
}

/** Creates a site backed by a remote maglevd over gRPC (spec/app.md "remote"). */
export function createRemoteSite(options: RemoteSiteOptions): Site {
  const { id, spec, logger } = options;
  if (spec.kind !== 'remote') throw new Error(`site ${spec.name} is not a remote site`);
  let client = options.client;
  if (!client) {
    const tls = loadClientTls(spec.tls);
    if (!tls.ok) {
      logger.error('site-tls-unusable', { site: id, error: tls.error.message });
      return createFailedSite({ id, spec, message: tls.error.message });
    }
    const create = options.createClient ?? createMaglevClient;
    // Debug records carry probe-start/probe-done: the heartbeat and the probe history.
    client = create({ address: spec.address, tls: tls.value, clock: options.clock, random: options.random, logger, logLevel: 'debug' });
  }
  return wrapClient(options, spec, client);
}

function wrapClient(options: RemoteSiteOptions, spec: RemoteSpec, client: MaglevClient): Site {
  const { id, clock } = options;
  const events = createEmitter<SiteEvent>(options.logger, `site ${id}`);
  const log = createTransitionLog(options.transitionCapacity);
  const logs = createLogBuffer();
  const probing = new Set<string>();
  const history = createRemoteHistory(options.historyCapacity ?? 3600, (b) => client.getBackend(b)?.state);

  const row = (name: string): BackendRow | undefined => {
    const info = client.getBackend(name);
    return info && { ...info, probing: probing.has(name) };
  };
  const frontends = (): FrontendInfo[] => client.listFrontends().flatMap((n) => client.getFrontend(n) ?? []);
  const backendsOf = (frontend: string): ReadonlySet<string> | undefined => {
    const f = client.getFrontend(frontend);
    return f && new Set(f.pools.flatMap((p) => p.backends.map((b) => b.name)));
  };

  function learnAll(): void {
    probing.clear();
    for (const name of client.listBackends()) {
      const info = client.getBackend(name);
      if (!info) continue;
      history.backendInfo(info);
      for (const t of info.transitions) log.add({ backend: name, ...t });
    }
  }

  function onClientEvent(e: RemoteEvent): void {
    switch (e.type) {
      case 'backend':
        log.add({ backend: e.backend, ...e.transition });
        if (e.transition.to === 'removed') history.forget(e.backend);
        else history.backendInfo(e.info);
        return events.emit(e);
      case 'log': {
        logs.add(e.record);
        const backend = e.record.attrs.backend;
        if (backend && (e.record.msg === 'probe-start' || e.record.msg === 'probe-done')) {
          const now = e.record.msg === 'probe-start';
          if (now) probing.add(backend);
          else {
            probing.delete(backend);
            history.probeDone(e.record, client.getBackend(backend)?.state);
          }
          events.emit({ type: 'probing', backend, probing: now });
        }
        return events.emit(e);
      }
      case 'resync':
        learnAll();
        return events.emit(e);
      case 'frontend-info': {
        // Pools or effective weights were re-read: tell listeners the frontend changed (same state).
        const f = client.getFrontend(e.frontend);
        if (f) events.emit({ type: 'frontend', frontend: f.name, from: f.state, to: f.state, atMs: clock.now() });
        return;
      }
      default:
        return events.emit(e);
    }
  }

  const unsubscribe = client.subscribe(onClientEvent);
  learnAll();

  return {
    id,
    spec,
    demo: false,
    status: () => client.status(),
    summary: () =>
      buildSummary({
        id,
        spec,
        demo: false,
        status: client.status(),
        frontends: frontends(),
        backends: client.listBackends().flatMap((n) => client.getBackend(n) ?? []),
        hasVpp: client.vpp() !== null,
      }),
    listFrontends: frontends,
    getFrontend: (name) => client.getFrontend(name),
    listBackends: () => client.listBackends().flatMap((n) => row(n) ?? []),
    getBackend: row,
    listHealthChecks: () => client.listHealthChecks().flatMap((n) => client.getHealthCheck(n) ?? []),
    getHealthCheck: (name) => client.getHealthCheck(name),
    history: (backends, fromMs, toMs) => history.query(backends, fromMs, toMs),
    transitions: (q) => log.query(q, backendsOf),
    recentLogs: (level, limit) => logs.recent(level, limit),
    pause: (b) => client.pause(b),
    resume: (b) => client.resume(b),
    enable: (b) => client.enable(b),
    disable: (b) => client.disable(b),
    setWeight: (f, p, b, w) => client.setWeight(f, p, b, w),
    readConfig: async () =>
      ok({
        path: `${spec.address}: maglev.yaml on the daemon's host`,
        text: [
          `# The config file of site ${spec.name} lives on the host of its daemon (${spec.address}).`,
          '# The maglev gRPC API has no call to read or upload it: edit it on that host, then use',
          '# Check (CheckConfig) and Reload (ReloadConfig) here.',
          '',
        ].join('\n'),
        editable: false,
        legacy: false,
      }),
    diffConfig: async () => ok(null),
    applyConfig: async () => err({ code: 'FAILED_PRECONDITION', message: REMOTE_APPLY_REFUSAL }),
    checkConfig: () => client.checkConfig(),
    reloadConfig: () => client.reloadConfig(),
    subscribe: (listener) => events.subscribe(listener),
    async dispose() {
      unsubscribe();
      events.clear();
      await client.close();
    },
  };
}
