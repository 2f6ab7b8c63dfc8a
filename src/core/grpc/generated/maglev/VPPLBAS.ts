// Original file: proto/maglev.proto


export interface VPPLBAS {
  'address'?: (string);
  'weight'?: (number);
  'buckets'?: (number);
  'flushed'?: (boolean);
}

export interface VPPLBAS__Output {
  'address': (string);
  'weight': (number);
  'buckets': (number);
  'flushed': (boolean);
}
