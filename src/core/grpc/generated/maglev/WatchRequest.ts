// Original file: proto/maglev.proto


export interface WatchRequest {
  'log'?: (boolean);
  'logLevel'?: (string);
  'backend'?: (boolean);
  'frontend'?: (boolean);
  '_log'?: "log";
  '_logLevel'?: "logLevel";
  '_backend'?: "backend";
  '_frontend'?: "frontend";
}

export interface WatchRequest__Output {
  'log'?: (boolean);
  'logLevel'?: (string);
  'backend'?: (boolean);
  'frontend'?: (boolean);
  '_log'?: "log";
  '_logLevel'?: "logLevel";
  '_backend'?: "backend";
  '_frontend'?: "frontend";
}
