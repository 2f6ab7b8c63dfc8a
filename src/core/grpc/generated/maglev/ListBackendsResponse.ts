// Original file: proto/maglev.proto


export interface ListBackendsResponse {
  'names'?: (string)[];
}

export interface ListBackendsResponse__Output {
  'names': (string)[];
}
