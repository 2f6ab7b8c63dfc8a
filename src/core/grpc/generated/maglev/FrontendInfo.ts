// Original file: proto/maglev.proto

import type { PoolInfo as _maglev_PoolInfo, PoolInfo__Output as _maglev_PoolInfo__Output } from '../maglev/PoolInfo';

export interface FrontendInfo {
  'name'?: (string);
  'address'?: (string);
  'protocol'?: (string);
  'port'?: (number);
  'pools'?: (_maglev_PoolInfo)[];
  'description'?: (string);
  'srcIpSticky'?: (boolean);
  'flushOnDown'?: (boolean);
  'state'?: (string);
}

export interface FrontendInfo__Output {
  'name': (string);
  'address': (string);
  'protocol': (string);
  'port': (number);
  'pools': (_maglev_PoolInfo__Output)[];
  'description': (string);
  'srcIpSticky': (boolean);
  'flushOnDown': (boolean);
  'state': (string);
}
