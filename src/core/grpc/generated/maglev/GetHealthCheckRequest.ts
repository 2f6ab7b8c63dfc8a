// Original file: proto/maglev.proto


export interface GetHealthCheckRequest {
  'name'?: (string);
}

export interface GetHealthCheckRequest__Output {
  'name': (string);
}
