// Original file: proto/maglev.proto

import type { TransitionInfo as _maglev_TransitionInfo, TransitionInfo__Output as _maglev_TransitionInfo__Output } from '../maglev/TransitionInfo';
import type { ProbeResult as _maglev_ProbeResult, ProbeResult__Output as _maglev_ProbeResult__Output } from '../maglev/ProbeResult';

export interface BackendInfo {
  'name'?: (string);
  'address'?: (string);
  'state'?: (string);
  'enabled'?: (boolean);
  'healthcheck'?: (string);
  /**
   * Newest first, at most transition-history entries.
   */
  'transitions'?: (_maglev_TransitionInfo)[];
  'lastProbe'?: (_maglev_ProbeResult | null);
}

export interface BackendInfo__Output {
  'name': (string);
  'address': (string);
  'state': (string);
  'enabled': (boolean);
  'healthcheck': (string);
  /**
   * Newest first, at most transition-history entries.
   */
  'transitions': (_maglev_TransitionInfo__Output)[];
  'lastProbe': (_maglev_ProbeResult__Output | null);
}
