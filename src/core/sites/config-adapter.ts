/**
 * ADAPTER over core/config: the one place where the sites module meets the config loader's API, so
 * that a change there is absorbed here. It turns load results into what the IPC contract returns.
 */
import type { ConfigIssue } from '../../shared/model';
import type { Config } from '../config';
import { formatIssue, loadConfig, loadConfigFile } from '../config';

/** What `config:validate` returns (the contract's ValidateResult). */
export interface ValidateOutcome {
  ok: boolean;
  kind: 'ok' | 'parse' | 'semantic';
  issues: ConfigIssue[];
  warnings: ConfigIssue[];
  legacy: boolean;
}

/** A config that loaded, or why it did not. */
export type Loaded =
  | { ok: true; config: Config; warnings: ConfigIssue[] }
  | { ok: false; kind: 'parse' | 'semantic'; issues: ConfigIssue[]; warnings: ConfigIssue[] };

function fromLoad(r: Awaited<ReturnType<typeof loadConfigFile>>): Loaded {
  if (r.ok) return { ok: true, config: r.config, warnings: [...r.warnings] };
  return { ok: false, kind: r.kind, issues: [...r.issues], warnings: [...r.warnings] };
}

/** Loads config text (never throws). */
export function loadText(text: string, fileName: string): Loaded {
  return fromLoad(loadConfig(text, { fileName }));
}

/** Loads a config file from disk (never throws; an unreadable file is a parse error). */
export async function loadFile(path: string): Promise<Loaded> {
  return fromLoad(await loadConfigFile(path));
}

/** Validates config text with the project's loader. */
export function validateConfigText(text: string, fileName: string): ValidateOutcome {
  return outcomeOf(loadText(text, fileName), text);
}

/** What `config:validate` says of a load of `text`. */
export function outcomeOf(r: Loaded, text: string): ValidateOutcome {
  if (r.ok) return { ok: true, kind: 'ok', issues: [], warnings: r.warnings, legacy: r.config.legacy };
  // The loader reports `legacy` only on success; a failed file is legacy when it has a `vips:` key.
  return { ok: false, kind: r.kind, issues: r.issues, warnings: r.warnings, legacy: /^\s*vips\s*:/m.test(text) };
}

/** Formats issues one per line, `FILE:LINE:COL: path: message`, at most `max` of them. */
export function formatIssues(fileName: string, issues: readonly ConfigIssue[], max = Infinity): string {
  const shown = issues.slice(0, max).map((i) => formatIssue(fileName, i));
  if (issues.length > max) shown.push(`… and ${issues.length - max} more`);
  return shown.join('\n');
}

export { diffConfigs, saveConfigAtomically } from '../config';
