// Original file: proto/maglev.proto


export interface GetBackendRequest {
  'name'?: (string);
}

export interface GetBackendRequest__Output {
  'name': (string);
}
