import type { BackendState, ConnectionState, FrontendState } from '../../../shared/model';

const GLYPH: Record<string, string> = {
  up: '▲',
  down: '▼',
  unknown: '?',
  paused: '❚❚',
  disabled: '⊘',
  removed: '✕',
  ready: '●',
  connecting: '◌',
  degraded: '◐',
  offline: '○',
};

/** A state pill: colour plus a glyph and the word, so it reads without colour too. */
export function StateBadge({ state }: { state: BackendState | FrontendState | ConnectionState }) {
  return (
    <span className={`badge state-${state}`} data-state={state}>
      <span aria-hidden="true">{GLYPH[state] ?? '•'}</span> {state}
    </span>
  );
}
