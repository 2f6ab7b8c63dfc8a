// Original file: proto/maglev.proto


export interface BackendRequest {
  'name'?: (string);
}

export interface BackendRequest__Output {
  'name': (string);
}
