// Original file: proto/maglev.proto


export interface ListHealthChecksResponse {
  'names'?: (string)[];
}

export interface ListHealthChecksResponse__Output {
  'names': (string)[];
}
