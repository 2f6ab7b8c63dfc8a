// Original file: proto/maglev.proto

import type { TransitionInfo as _maglev_TransitionInfo, TransitionInfo__Output as _maglev_TransitionInfo__Output } from '../maglev/TransitionInfo';
import type { BackendInfo as _maglev_BackendInfo, BackendInfo__Output as _maglev_BackendInfo__Output } from '../maglev/BackendInfo';

export interface BackendEvent {
  'backend'?: (string);
  'transition'?: (_maglev_TransitionInfo | null);
  /**
   * State after the transition.
   */
  'info'?: (_maglev_BackendInfo | null);
}

export interface BackendEvent__Output {
  'backend': (string);
  'transition': (_maglev_TransitionInfo__Output | null);
  /**
   * State after the transition.
   */
  'info': (_maglev_BackendInfo__Output | null);
}
