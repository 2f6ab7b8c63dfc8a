// Original file: proto/maglev.proto

import type { LogEvent as _maglev_LogEvent, LogEvent__Output as _maglev_LogEvent__Output } from '../maglev/LogEvent';
import type { BackendEvent as _maglev_BackendEvent, BackendEvent__Output as _maglev_BackendEvent__Output } from '../maglev/BackendEvent';
import type { FrontendEvent as _maglev_FrontendEvent, FrontendEvent__Output as _maglev_FrontendEvent__Output } from '../maglev/FrontendEvent';

export interface Event {
  'log'?: (_maglev_LogEvent | null);
  'backend'?: (_maglev_BackendEvent | null);
  'frontend'?: (_maglev_FrontendEvent | null);
  'event'?: "log"|"backend"|"frontend";
}

export interface Event__Output {
  'log'?: (_maglev_LogEvent__Output | null);
  'backend'?: (_maglev_BackendEvent__Output | null);
  'frontend'?: (_maglev_FrontendEvent__Output | null);
  'event'?: "log"|"backend"|"frontend";
}
