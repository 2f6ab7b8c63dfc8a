// Original file: proto/maglev.proto


export interface GetFrontendRequest {
  'name'?: (string);
}

export interface GetFrontendRequest__Output {
  'name': (string);
}
