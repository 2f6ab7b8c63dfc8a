// Original file: proto/maglev.proto

import type { VPPLBVIPCounters as _maglev_VPPLBVIPCounters, VPPLBVIPCounters__Output as _maglev_VPPLBVIPCounters__Output } from '../maglev/VPPLBVIPCounters';

export interface VPPLBCounters {
  'vips'?: (_maglev_VPPLBVIPCounters)[];
}

export interface VPPLBCounters__Output {
  'vips': (_maglev_VPPLBVIPCounters__Output)[];
}
