import { readFile } from 'node:fs/promises';
import type { ConfigDiff } from '../../shared/model';
import type { Checker } from '../checker';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { Clock, Result } from '../util';
import { err, ok, toAppError } from '../util';
import type { DaemonConfigOutcome, Site } from './types';
import type { Loaded } from './config-adapter';
import { diffConfigs, formatIssues, loadFile, loadText, saveConfigAtomically, validateConfigText } from './config-adapter';

/** What the config operations need from the local site that owns them. */
export interface LocalRuntime {
  path: string;
  fileName: string;
  clock: Clock;
  checker(): Checker | null;
  /** Starts the checker on a first valid config. */
  start(config: Config): void;
  /** The running checker took a new config. */
  reloaded(): void;
  /** A config did not load; an offline site shows why. */
  failed(message: string): void;
  isDisposed(): boolean;
}

type ConfigOps = Pick<Site, 'readConfig' | 'diffConfig' | 'applyConfig' | 'checkConfig' | 'reloadConfig'>;

/** Issues listed in a refusal or an outcome; the editor shows all of them from `config:validate`. */
const MAX_ISSUES_IN_MESSAGE = 20;

/** The config of a site with nothing in it: what an offline site diffs against. */
function emptyLike(config: Config): Config {
  return { healthchecker: config.healthchecker, vpp: null, healthchecks: [], backends: [], frontends: [], legacy: false };
}

/** Creates the config operations of a local site: read, diff, apply, check and reload, serialised. */
export function createLocalConfigOps(rt: LocalRuntime, logger: Logger) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const describe = (l: Extract<Loaded, { ok: false }>) => formatIssues(rt.fileName, l.issues, MAX_ISSUES_IN_MESSAGE);
  const outcome = (l: Loaded): DaemonConfigOutcome =>
    l.ok
      ? { ok: true, parseError: '', semanticError: '' }
      : { ok: false, parseError: l.kind === 'parse' ? describe(l) : '', semanticError: l.kind === 'semantic' ? describe(l) : '' };
  const diffAgainstRunning = (config: Config): ConfigDiff => {
    const c = rt.checker();
    return diffConfigs(c ? c.config() : emptyLike(config), config);
  };
  const gone = (): Result<never> => err({ code: 'UNAVAILABLE', message: 'the site is shutting down' });

  /** Puts a valid config into effect: reload the running checker, or start the first one. */
  function install(config: Config): ConfigDiff {
    const c = rt.checker();
    if (!c) {
      const diff = diffConfigs(emptyLike(config), config);
      rt.start(config);
      return diff;
    }
    if (config.healthchecker.netns !== c.config().healthchecker.netns) {
      // Probers are bound to a namespace when created; a new one takes a restart of the site.
      logger.warn('netns-change-needs-restart', { path: rt.path, netns: config.healthchecker.netns });
    }
    const { diff } = c.reload(config);
    rt.reloaded();
    return diff;
  }

  const ops: ConfigOps = {
    async readConfig() {
      let text: string;
      try {
        text = await readFile(rt.path, 'utf8');
      } catch (e) {
        // A site whose file does not exist yet can write its first config from the editor.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok({ path: rt.path, text: '', editable: true, legacy: false });
        return err({ code: 'UNAVAILABLE', message: `cannot read ${rt.path}: ${toAppError(e).message}` });
      }
      return ok({ path: rt.path, text, editable: true, legacy: validateConfigText(text, rt.fileName).legacy });
    },
    async diffConfig(text, loaded) {
      // `loaded`: the caller parsed `text` already, off this thread (config-thread.ts).
      const l = loaded ?? loadText(text, rt.fileName);
      if (!l.ok) return err({ code: 'CONFIG_INVALID', message: describe(l) });
      return ok(diffAgainstRunning(l.config));
    },
    applyConfig: (text, loaded) =>
      serial(async () => {
        if (rt.isDisposed()) return gone();
        const t0 = rt.clock.now();
        const l = loaded ?? loadText(text, rt.fileName);
        // An invalid config is never saved nor applied: the file and the checker stay as they are.
        if (!l.ok) return err({ code: 'CONFIG_INVALID', message: describe(l) });
        try {
          await saveConfigAtomically(rt.path, text);
        } catch (e) {
          return err({ code: 'UNAVAILABLE', message: toAppError(e).message });
        }
        const diff = install(l.config);
        logger.info('config-applied', { path: rt.path, added: diff.backends.added.length, removed: diff.backends.removed.length });
        return ok({ diff, elapsedMs: rt.clock.now() - t0, savedTo: rt.path });
      }),
    checkConfig: async () => ok(outcome(await loadFile(rt.path))),
    reloadConfig: () =>
      serial(async () => {
        if (rt.isDisposed()) return gone();
        const l = await loadFile(rt.path);
        if (l.ok) install(l.config);
        else {
          rt.failed(formatIssues(rt.fileName, l.issues, 3));
          logger.warn('reload-rejected', { path: rt.path, kind: l.kind, errors: l.issues.length });
        }
        return ok(outcome(l));
      }),
  };

  return {
    ops,
    notRunning: (): Result<never> => err({ code: 'UNAVAILABLE', message: `the site is not running: its config ${rt.fileName} does not load` }),
    /** Resolves when no apply or reload is in progress. */
    idle: () => serial(async () => undefined),
  };
}
