// Original file: proto/maglev.proto


export interface CheckConfigResponse {
  'ok'?: (boolean);
  'parseError'?: (string);
  'semanticError'?: (string);
}

export interface CheckConfigResponse__Output {
  'ok': (boolean);
  'parseError': (string);
  'semanticError': (string);
}
