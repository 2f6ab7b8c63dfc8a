// Original file: proto/maglev.proto

import type { Long } from '@grpc/proto-loader';

export interface LogEvent {
  'atNs'?: (number | string | Long);
  /**
   * debug | info | warn | error
   */
  'level'?: (string);
  'msg'?: (string);
  'attrs'?: ({[key: string]: string});
}

export interface LogEvent__Output {
  'atNs': (string);
  /**
   * debug | info | warn | error
   */
  'level': (string);
  'msg': (string);
  'attrs': ({[key: string]: string});
}
