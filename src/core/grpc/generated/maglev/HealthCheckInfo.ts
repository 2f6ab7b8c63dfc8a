// Original file: proto/maglev.proto

import type { HTTPParams as _maglev_HTTPParams, HTTPParams__Output as _maglev_HTTPParams__Output } from '../maglev/HTTPParams';
import type { TCPParams as _maglev_TCPParams, TCPParams__Output as _maglev_TCPParams__Output } from '../maglev/TCPParams';
import type { Long } from '@grpc/proto-loader';

export interface HealthCheckInfo {
  'name'?: (string);
  'type'?: (string);
  'port'?: (number);
  'intervalNs'?: (number | string | Long);
  'fastIntervalNs'?: (number | string | Long);
  'downIntervalNs'?: (number | string | Long);
  'timeoutNs'?: (number | string | Long);
  'rise'?: (number);
  'fall'?: (number);
  'http'?: (_maglev_HTTPParams | null);
  'tcp'?: (_maglev_TCPParams | null);
}

export interface HealthCheckInfo__Output {
  'name': (string);
  'type': (string);
  'port': (number);
  'intervalNs': (string);
  'fastIntervalNs': (string);
  'downIntervalNs': (string);
  'timeoutNs': (string);
  'rise': (number);
  'fall': (number);
  'http': (_maglev_HTTPParams__Output | null);
  'tcp': (_maglev_TCPParams__Output | null);
}
