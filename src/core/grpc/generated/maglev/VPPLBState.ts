// Original file: proto/maglev.proto

import type { VPPLBVIP as _maglev_VPPLBVIP, VPPLBVIP__Output as _maglev_VPPLBVIP__Output } from '../maglev/VPPLBVIP';

export interface VPPLBState {
  'ipv4SrcAddress'?: (string);
  'ipv6SrcAddress'?: (string);
  'vips'?: (_maglev_VPPLBVIP)[];
}

export interface VPPLBState__Output {
  'ipv4SrcAddress': (string);
  'ipv6SrcAddress': (string);
  'vips': (_maglev_VPPLBVIP__Output)[];
}
