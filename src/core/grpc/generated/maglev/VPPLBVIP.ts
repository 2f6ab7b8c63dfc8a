// Original file: proto/maglev.proto

import type { VPPLBAS as _maglev_VPPLBAS, VPPLBAS__Output as _maglev_VPPLBAS__Output } from '../maglev/VPPLBAS';

export interface VPPLBVIP {
  'prefix'?: (string);
  'protocol'?: (string);
  'port'?: (number);
  'encap'?: (string);
  'srcIpSticky'?: (boolean);
  'flowTableLength'?: (number);
  'applicationServers'?: (_maglev_VPPLBAS)[];
}

export interface VPPLBVIP__Output {
  'prefix': (string);
  'protocol': (string);
  'port': (number);
  'encap': (string);
  'srcIpSticky': (boolean);
  'flowTableLength': (number);
  'applicationServers': (_maglev_VPPLBAS__Output)[];
}
