// Original file: proto/maglev.proto


export interface TCPParams {
  'ssl'?: (boolean);
  'serverName'?: (string);
  'insecureSkipVerify'?: (boolean);
}

export interface TCPParams__Output {
  'ssl': (boolean);
  'serverName': (string);
  'insecureSkipVerify': (boolean);
}
