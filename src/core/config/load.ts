import { readFile } from 'node:fs/promises';
import type { ConfigIssue } from '../../shared/model';
import { buildConfig } from './build';
import { createIssueSink, createLineIndex } from './issues';
import { readConfig } from './read-config';
import type { ReadCtx } from './read-node';
import { createSuggester } from './suggest';
import type { Config } from './types';
import { parseSource } from './yaml-source';

/** The outcome of loading a maglev.yaml: a frozen Config, or every problem found. */
export type LoadResult =
  | { ok: true; config: Config; warnings: ConfigIssue[] }
  | { ok: false; kind: 'parse' | 'semantic'; issues: ConfigIssue[]; warnings: ConfigIssue[] };

/** Options of loadConfig. */
export interface LoadOptions {
  /** Used in messages that name the file itself (an empty file); defaults to "the file". */
  fileName?: string;
}

/** A reserve of alias visits on top of 4 per node: enough for any sane reuse of anchors. */
const ALIAS_SLACK = 50_000;

/**
 * Parses and validates maglev.yaml text. Pure and synchronous; never throws: anything
 * unexpected becomes a parse issue at 1:1, so a bad file can never take a daemon down.
 */
export function loadConfig(text: string, opts: LoadOptions = {}): LoadResult {
  try {
    return load(text, opts.fileName ?? 'the file');
  } catch (e) {
    const message = `internal error while loading the config: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, kind: 'parse', issues: [{ kind: 'parse', path: '', line: 1, col: 1, message }], warnings: [] };
  }
}

function load(text: string, fileName: string): LoadResult {
  const lineOf = createLineIndex(text);
  const sink = createIssueSink(lineOf);
  const suggest = createSuggester();
  const { doc, nodeCount, resolveAlias } = parseSource(text, sink, lineOf);
  let config: Config | null = null;
  // After a YAML syntax error the tree is a guess; schema errors from it would mostly mislead.
  if (doc && doc.errors.length === 0) {
    if (doc.contents === null) {
      sink.add('parse', { path: '', pos: 0 }, `${fileName} is empty: expected a "maglev:" map`);
    } else {
      const ctx: ReadCtx = { resolveAlias, sink, suggest, budget: nodeCount * 4 + ALIAS_SLACK, exhausted: false };
      const raw = readConfig(ctx, doc.contents);
      if (raw && !ctx.exhausted) config = buildConfig({ sink, suggest, lineOf }, raw);
    }
  }
  const { errors, warnings } = sink.finish();
  if (config && errors.length === 0) return { ok: true, config, warnings };
  return { ok: false, kind: sink.count('parse') > 0 ? 'parse' : 'semantic', issues: errors, warnings };
}

/** Reads and loads a config file; an unreadable or non-UTF-8 file is a parse issue at 1:1. */
export async function loadConfigFile(path: string, read: (p: string) => Promise<Uint8Array> = readFile): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await read(path);
  } catch (e) {
    const message = `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, kind: 'parse', issues: [{ kind: 'parse', path: '', line: 1, col: 1, message }], warnings: [] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Point at the first undecodable byte: decode leniently and find the replacement character.
    text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const { line, col } = createLineIndex(text)(Math.max(0, at));
    const message = 'the file is not valid UTF-8 text (is it a binary file?)';
    return { ok: false, kind: 'parse', issues: [{ kind: 'parse', path: '', line, col, message }], warnings: [] };
  }
  return loadConfig(text, { fileName: path });
}
