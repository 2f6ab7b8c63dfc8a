import type { BackendState } from '../../../shared/model';

/** Okabe-Ito colours per state, distinct for colour-blind readers; the band also labels them. */
export const BAND_COLOURS: Record<BackendState, string> = {
  up: '#009E73',
  down: '#D55E00',
  unknown: '#999999',
  paused: '#56B4E9',
  disabled: '#CC79A7',
  removed: '#000000',
};
