import { basename } from 'node:path';
import { ok } from '../util';
import type { Handlers } from './service-handlers';
import { onSite } from './service-handlers';
import type { SiteManager } from './manager-types';
import { validateConfigText } from './config-adapter';

type ConfigOps = 'config:read' | 'config:validate' | 'config:diff' | 'config:apply' | 'config:check' | 'config:reload';

/** Builds the handlers of the config editor's operations. */
export function createConfigHandlers(manager: SiteManager): Pick<Handlers, ConfigOps> {
  return {
    'config:read': async (req) => onSite(manager, req.site, (s) => s.readConfig()),
    'config:validate': async (req) => ok(validateConfigText(req.text, req.fileName ?? 'maglev.yaml')),
    'config:diff': async (req) =>
      onSite(manager, req.site, async (s) => {
        const fileName = s.spec.kind === 'local' ? basename(s.spec.config) : 'maglev.yaml';
        const validation = validateConfigText(req.text, fileName);
        if (!validation.ok) return ok({ validation, diff: null });
        const diff = await s.diffConfig(req.text);
        return diff.ok ? ok({ validation, diff: diff.value }) : diff;
      }),
    'config:apply': async (req) => onSite(manager, req.site, (s) => s.applyConfig(req.text)),
    'config:check': async (req) => onSite(manager, req.site, (s) => s.checkConfig()),
    'config:reload': async (req) => onSite(manager, req.site, (s) => s.reloadConfig()),
  };
}
