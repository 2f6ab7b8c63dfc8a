// Original file: proto/maglev.proto

import type { Long } from '@grpc/proto-loader';

export interface VPPLBVIPCounters {
  'prefix'?: (string);
  'protocol'?: (string);
  'port'?: (number);
  'nextPackets'?: (number | string | Long);
  'firstPackets'?: (number | string | Long);
  'untrackedPackets'?: (number | string | Long);
  'noServerPackets'?: (number | string | Long);
  'routePackets'?: (number | string | Long);
  'routeBytes'?: (number | string | Long);
}

export interface VPPLBVIPCounters__Output {
  'prefix': (string);
  'protocol': (string);
  'port': (number);
  'nextPackets': (string);
  'firstPackets': (string);
  'untrackedPackets': (string);
  'noServerPackets': (string);
  'routePackets': (string);
  'routeBytes': (string);
}
