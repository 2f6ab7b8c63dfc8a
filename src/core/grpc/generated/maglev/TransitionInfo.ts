// Original file: proto/maglev.proto

import type { Long } from '@grpc/proto-loader';

export interface TransitionInfo {
  'from'?: (string);
  'to'?: (string);
  'atNs'?: (number | string | Long);
  'code'?: (string);
  'detail'?: (string);
}

export interface TransitionInfo__Output {
  'from': (string);
  'to': (string);
  'atNs': (string);
  'code': (string);
  'detail': (string);
}
