// Original file: proto/maglev.proto


export interface SetWeightRequest {
  'frontend'?: (string);
  'pool'?: (string);
  'backend'?: (string);
  'weight'?: (number);
}

export interface SetWeightRequest__Output {
  'frontend': (string);
  'pool': (string);
  'backend': (string);
  'weight': (number);
}
