// Original file: proto/maglev.proto

import type { PoolBackendInfo as _maglev_PoolBackendInfo, PoolBackendInfo__Output as _maglev_PoolBackendInfo__Output } from '../maglev/PoolBackendInfo';

export interface PoolInfo {
  'name'?: (string);
  'backends'?: (_maglev_PoolBackendInfo)[];
}

export interface PoolInfo__Output {
  'name': (string);
  'backends': (_maglev_PoolBackendInfo__Output)[];
}
