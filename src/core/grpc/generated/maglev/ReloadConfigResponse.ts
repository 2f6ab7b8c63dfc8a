// Original file: proto/maglev.proto


export interface ReloadConfigResponse {
  'ok'?: (boolean);
  'parseError'?: (string);
  'semanticError'?: (string);
}

export interface ReloadConfigResponse__Output {
  'ok': (boolean);
  'parseError': (string);
  'semanticError': (string);
}
