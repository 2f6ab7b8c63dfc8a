// Original file: proto/maglev.proto

import type { Long } from '@grpc/proto-loader';

export interface ProbeResult {
  'ok'?: (boolean);
  'code'?: (string);
  'detail'?: (string);
  'atNs'?: (number | string | Long);
  'durationNs'?: (number | string | Long);
}

export interface ProbeResult__Output {
  'ok': (boolean);
  'code': (string);
  'detail': (string);
  'atNs': (string);
  'durationNs': (string);
}
