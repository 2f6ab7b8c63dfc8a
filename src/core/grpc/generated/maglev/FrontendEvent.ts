// Original file: proto/maglev.proto

import type { Long } from '@grpc/proto-loader';

export interface FrontendEvent {
  'frontend'?: (string);
  'from'?: (string);
  'to'?: (string);
  'atNs'?: (number | string | Long);
}

export interface FrontendEvent__Output {
  'frontend': (string);
  'from': (string);
  'to': (string);
  'atNs': (string);
}
