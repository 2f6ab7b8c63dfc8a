// Original file: proto/maglev.proto

import type { Long } from '@grpc/proto-loader';

export interface VPPInfo {
  'version'?: (string);
  'buildDate'?: (string);
  'buildDirectory'?: (string);
  'pid'?: (number);
  'boottimeNs'?: (number | string | Long);
  'connecttimeNs'?: (number | string | Long);
}

export interface VPPInfo__Output {
  'version': (string);
  'buildDate': (string);
  'buildDirectory': (string);
  'pid': (number);
  'boottimeNs': (string);
  'connecttimeNs': (string);
}
