import { basename } from 'node:path';
import type { Logger } from '../log';
import type { Clock } from '../util';
import { err, ok, toAppError } from '../util';
import type { Handlers } from './service-handlers';
import { onSite } from './service-handlers';
import type { SiteManager } from './manager-types';
import type { Site } from './types';
import type { ConfigHistoryStore } from './config-history';
import { outcomeOf } from './config-adapter';
import type { ConfigThread } from './config-thread';
import { createInlineConfigThread } from './config-thread';

type ConfigOps =
  | 'config:read'
  | 'config:validate'
  | 'config:edit'
  | 'config:diff'
  | 'config:apply'
  | 'config:check'
  | 'config:reload'
  | 'config:history'
  | 'config:history-get';

/** What the config handlers are built from. */
export interface ConfigHandlerDeps {
  manager: SiteManager;
  clock: Clock;
  /** Keeps every applied config (issue 9); without it the history is empty. */
  configHistory?: ConfigHistoryStore;
  logger?: Logger;
  /** Where configs are parsed and edited (a worker thread in the hosts; default: this thread). */
  configThread?: ConfigThread;
}

const fileNameOf = (s: Site) => (s.spec.kind === 'local' ? basename(s.spec.config) : 'maglev.yaml');

const localOnly = (s: Site) =>
  err({
    code: 'FAILED_PRECONDITION',
    message: `site ${JSON.stringify(s.id)} is remote: its config history is kept where its daemon runs, not here`,
  });

/** Builds the handlers of the config editor's operations. */
export function createConfigHandlers(deps: ConfigHandlerDeps): Pick<Handlers, ConfigOps> {
  const { manager, configHistory: history } = deps;
  const thread = deps.configThread ?? createInlineConfigThread();
  return {
    'config:read': async (req) => onSite(manager, req.site, (s) => s.readConfig()),
    'config:validate': async (req) => ok(outcomeOf(await thread.load(req.text, req.fileName ?? 'maglev.yaml'), req.text)),
    'config:edit': async (req) => {
      const r = await thread.edit(req.text, req.edits);
      return r.ok ? ok({ text: r.value }) : r;
    },
    'config:diff': async (req) =>
      onSite(manager, req.site, async (s) => {
        const loaded = await thread.load(req.text, fileNameOf(s));
        const validation = outcomeOf(loaded, req.text);
        if (!validation.ok) return ok({ validation, diff: null });
        const diff = await s.diffConfig(req.text, loaded);
        return diff.ok ? ok({ validation, diff: diff.value }) : diff;
      }),
    'config:apply': async (req, ctx) =>
      onSite(manager, req.site, async (s) => {
        const r = await s.applyConfig(req.text, await thread.load(req.text, fileNameOf(s)));
        if (r.ok && history) {
          // The config is applied whatever happens here; a history that cannot be written is logged.
          const meta = {
            atMs: deps.clock.now(),
            user: ctx.user,
            host: ctx.host,
            origin: ctx.origin,
            path: r.value.savedTo,
            diff: r.value.diff,
          };
          await history.record(s.id, meta, req.text).catch((e: unknown) => {
            deps.logger?.error('config-history-failed', { site: s.id, error: toAppError(e).message });
          });
        }
        return r;
      }),
    'config:check': async (req) => onSite(manager, req.site, (s) => s.checkConfig()),
    'config:reload': async (req) => onSite(manager, req.site, (s) => s.reloadConfig()),
    'config:history': async (req) =>
      onSite(manager, req.site, async (s) =>
        s.spec.kind === 'remote' ? localOnly(s) : ok(history ? await history.list(s.id) : []),
      ),
    'config:history-get': async (req) =>
      onSite(manager, req.site, async (s) => {
        if (s.spec.kind === 'remote') return localOnly(s);
        const found = history ? await history.get(s.id, req.id) : null;
        return found
          ? ok(found)
          : err({
              code: 'NOT_FOUND',
              message: `site ${JSON.stringify(s.id)} has no applied config ${JSON.stringify(req.id)} in its history`,
            });
      }),
  };
}
