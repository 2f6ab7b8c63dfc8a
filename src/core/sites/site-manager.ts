import { dirname, isAbsolute, resolve } from 'node:path';
import type { ConfigIssue, SiteSpec } from '../../shared/model';
import { SiteSpecSchema } from '../../shared/model';
import type { Logger } from '../log';
import type { Clock, RandomSource, Result } from '../util';
import { CodedError, err, ok, toAppError } from '../util';
import type { Site } from './types';
import { createEmitter } from './emitter';
import { createFailedSite } from './failed-site';
import { uniqueSiteId } from './site-id';
import { formatSitesIssue } from './sites-file';
import { appendSite, removeSite, replaceSite } from './sites-document';
import { createSitesStore } from './sites-store';
import type { DemoFactory, ManagerEvent, SiteFactory, SiteManager } from './manager-types';
import { defaultDemoFactory, defaultSiteFactory } from './default-factories';

/** What the site manager is built from. */
export interface SiteManagerOptions {
  sitesPath: string;
  clock: Clock;
  random: RandomSource;
  logger: Logger;
  /** Builds each site (default: local checker or gRPC client); tests inject fakes. */
  siteFactory?: SiteFactory;
  /** Starts the demo when there is no sites file (default: the built-in demo); null disables it. */
  demoFactory?: DemoFactory | null;
}

interface Entry {
  site: Site;
  /** As written in sites.yaml. */
  spec: SiteSpec;
  unsubscribe: () => void;
}

/** Resolves the relative file paths of a spec (config, TLS files) against the sites file's directory. */
export function resolvePaths(spec: SiteSpec, dir: string): SiteSpec {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(dir, p));
  if (spec.kind === 'local') return { ...spec, config: abs(spec.config) };
  if (!spec.tls) return spec;
  const tls = { ...spec.tls };
  for (const key of ['ca', 'cert', 'key'] as const) {
    const path = tls[key];
    if (path !== undefined) tls[key] = abs(path);
  }
  return { ...spec, tls };
}

/** Identifier of the demo site. */
export const DEMO_SITE_ID = 'demo';

/** Creates the site manager (not started: call `start`). */
export function createSiteManager(options: SiteManagerOptions): SiteManager {
  const { sitesPath, logger } = options;
  const siteFactory = options.siteFactory ?? defaultSiteFactory(options);
  const demoFactory = options.demoFactory === undefined ? defaultDemoFactory(options) : options.demoFactory;
  const store = createSitesStore(sitesPath);
  const entries = new Map<string, Entry>();
  /** Demo first, then file order; an edited site keeps its place. */
  let order: string[] = [];
  const events = createEmitter<ManagerEvent>(logger, 'site-manager');
  let issues: ConfigIssue[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;

  const resolveSpec = (spec: SiteSpec): SiteSpec => resolvePaths(spec, dirname(sitesPath));
  const newId = (name: string, reserved: ReadonlySet<string> = new Set()) =>
    uniqueSiteId(name, (c) => entries.has(c) || reserved.has(c) || c === DEMO_SITE_ID);

  /** Serialises mutations so that two edits never interleave their reads and writes of the file. */
  function enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  }

  async function attach(id: string, spec: SiteSpec, build: () => Site | Promise<Site>): Promise<Site> {
    let site: Site;
    try {
      site = await build();
    } catch (e) {
      const message = toAppError(e).message;
      logger.error('site-start-failed', { site: id, error: message });
      site = createFailedSite({ id, spec: resolveSpec(spec), message });
    }
    const unsubscribe = site.subscribe((event) => events.emit({ type: 'site', site: id, event }));
    entries.set(id, { site, spec, unsubscribe });
    return site;
  }

  const startSite = (id: string, spec: SiteSpec) => attach(id, spec, () => siteFactory({ id, spec: resolveSpec(spec) }));

  async function detach(id: string): Promise<void> {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    entry.unsubscribe();
    try {
      await entry.site.dispose();
    } catch (e) {
      logger.error('site-dispose-failed', { site: id, error: toAppError(e).message });
    }
  }

  async function startDemo(): Promise<void> {
    const factory = demoFactory;
    if (!factory) return;
    const dir = resolve(dirname(sitesPath), 'demo');
    order = [DEMO_SITE_ID];
    await attach(DEMO_SITE_ID, { name: 'Demo', kind: 'local', config: resolve(dir, 'maglev.yaml') }, () =>
      factory({ id: DEMO_SITE_ID, dir }),
    );
  }

  async function load(): Promise<void> {
    const read = await store.read();
    if (read.kind === 'missing') return startDemo();
    if (read.kind === 'unreadable') {
      issues = [{ kind: 'parse', path: '', line: 1, col: 1, message: read.message }];
      logger.error('sites-file-unreadable', { path: sitesPath, error: read.message });
      return;
    }
    issues = read.parsed.issues;
    for (const issue of issues) logger.warn('sites-file-issue', { issue: formatSitesIssue(issue, sitesPath) });
    const reserved = new Set<string>();
    const planned = read.parsed.entries.map((e) => {
      const id = newId(e.spec.name, reserved);
      reserved.add(id);
      return { id, spec: e.spec };
    });
    order = planned.map((p) => p.id);
    await Promise.all(planned.map((p) => startSite(p.id, p.spec)));
  }

  function checkSpec(spec: SiteSpec, except?: string): SiteSpec {
    const parsed = SiteSpecSchema.safeParse(spec);
    if (!parsed.success) {
      throw new CodedError('INVALID_ARGUMENT', parsed.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; '));
    }
    for (const [id, e] of entries) {
      if (id !== except && !e.site.demo && e.spec.name === parsed.data.name) {
        throw new CodedError('INVALID_ARGUMENT', `a site named ${JSON.stringify(parsed.data.name)} already exists`);
      }
    }
    return parsed.data;
  }

  function mutate<T>(fn: () => Promise<T>): Promise<Result<T>> {
    return enqueue(async () => {
      if (disposed) return err({ code: 'UNAVAILABLE', message: 'the site manager is shutting down' });
      try {
        const value = await fn();
        events.emit({ type: 'sites-changed' });
        return ok(value);
      } catch (e) {
        return err(toAppError(e));
      }
    });
  }

  function entryOf(id: string): Entry {
    const entry = entries.get(id);
    if (!entry) throw new CodedError('NOT_FOUND', `no site ${JSON.stringify(id)}`);
    return entry;
  }

  return {
    sitesPath,
    start: () =>
      enqueue(async () => {
        await load();
        events.emit({ type: 'sites-changed' });
      }),
    list: () => order.flatMap((id) => entries.get(id)?.site ?? []),
    get: (id) => entries.get(id)?.site,
    specs: () => order.flatMap((id) => {
      const e = entries.get(id);
      return e && !e.site.demo ? [{ id, spec: e.spec }] : [];
    }),
    issues: () => [...issues],
    add: (input) =>
      mutate(async () => {
        const spec = checkSpec(input);
        await store.edit((doc) => appendSite(doc, spec));
        // The demo runs only while there is no sites file; now there is one.
        if (entries.has(DEMO_SITE_ID)) await detach(DEMO_SITE_ID);
        const id = newId(spec.name);
        order = [...order.filter((o) => o !== DEMO_SITE_ID), id];
        return startSite(id, spec);
      }),
    edit: (id, input) =>
      mutate(async () => {
        const entry = entryOf(id);
        if (entry.site.demo) throw new CodedError('FAILED_PRECONDITION', 'the demo site is built in; add a site of your own instead');
        const spec = checkSpec(input, id);
        await store.edit((doc) => replaceSite(doc, entry.spec.name, spec));
        await detach(id);
        const nextId = spec.name === entry.spec.name ? id : newId(spec.name);
        order = order.map((o) => (o === id ? nextId : o));
        return startSite(nextId, spec);
      }),
    remove: (id) =>
      mutate(async () => {
        const entry = entryOf(id);
        // Removing the demo writes an empty sites file, so that the demo does not come back.
        await store.edit((doc) => {
          if (!entry.site.demo) removeSite(doc, entry.spec.name);
          return null;
        });
        await detach(id);
        order = order.filter((o) => o !== id);
        return { site: id };
      }),
    subscribe: (listener) => events.subscribe(listener),
    async dispose() {
      disposed = true;
      await enqueue(async () => {
        await Promise.all([...entries.keys()].map((id) => detach(id)));
        order = [];
        events.clear();
      });
    },
  };
}
