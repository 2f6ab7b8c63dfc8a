import { createContext, useContext, type RefObject } from 'react';
import type { ConfigEdit, ConfigIssue } from '../../../../../shared/model';
import type { EditOptions } from '../hooks/use-config-edit';
import type { ConfigModel } from '../utils/config-model';
import type { Drift } from '../utils/runtime-drift';
import { pathKey, type PathSegments } from '../utils/yaml-path';

/** What is being dragged: a pool member, a backend from the table, or a pool. */
export type DragItem =
  | { kind: 'member'; frontend: string; pool: string; backend: string }
  | { kind: 'backend'; backend: string }
  | { kind: 'pool'; frontend: string; pool: string };

/** The MIME type of our drag data (text/plain carries the name too, for other drop targets). */
export const DRAG_TYPE = 'application/x-maglev-item';

/** The runtime-vs-file actions of one member. */
export interface DriftActions {
  write(d: Drift): void;
  revert(d: Drift): void;
  busy: boolean;
}

/** What every part of the visual editor needs: the model, the edit pipeline and the validator's issues. */
export interface VisualApi {
  model: ConfigModel;
  readOnly: boolean;
  edit(edits: ConfigEdit[], opts?: EditOptions): Promise<boolean>;
  /** Issues by path key (pathKey of the parsed issue path). */
  issues: ReadonlyMap<string, ConfigIssue[]>;
  drifts: ReadonlyMap<string, Drift>;
  driftActions: DriftActions | null;
  drag: RefObject<DragItem | null>;
  /**
   * The control to focus once it mounts again (a `data-refocus` value): moving a member or a pool
   * re-creates its row, and a keyboard user must not be dropped back to the top of the page.
   */
  refocus: RefObject<string | null>;
  /** Says why a manipulation was refused (a drop of the wrong family, a name taken). */
  refuse(message: string): void;
}

const VisualContext = createContext<VisualApi | null>(null);
export const VisualProvider = VisualContext.Provider;

/** Returns the visual editor's API; throws outside the editor (a programming error). */
export function useVisual(): VisualApi {
  const v = useContext(VisualContext);
  if (!v) throw new Error('useVisual outside the visual editor');
  return v;
}

/** Focuses the element of `root` whose `data-refocus` was asked for, once; call from an effect after mount. */
export function takeRefocus(refocus: RefObject<string | null>, root: HTMLElement | null): void {
  const want = refocus.current;
  if (!want || !root) return;
  const el = [...root.querySelectorAll<HTMLElement>('[data-refocus]')].find((e) => e.dataset.refocus === want && !(e as HTMLButtonElement).disabled);
  if (!el) return;
  refocus.current = null;
  el.focus();
}

/** The validator's issues at exactly this path (errors first). */
export function useIssuesAt(path: PathSegments): ConfigIssue[] {
  return useVisual().issues.get(pathKey(path)) ?? [];
}
