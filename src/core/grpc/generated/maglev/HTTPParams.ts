// Original file: proto/maglev.proto


export interface HTTPParams {
  'path'?: (string);
  'host'?: (string);
  'responseCodeMin'?: (number);
  'responseCodeMax'?: (number);
  'responseRegexp'?: (string);
  'serverName'?: (string);
  'insecureSkipVerify'?: (boolean);
}

export interface HTTPParams__Output {
  'path': (string);
  'host': (string);
  'responseCodeMin': (number);
  'responseCodeMax': (number);
  'responseRegexp': (string);
  'serverName': (string);
  'insecureSkipVerify': (boolean);
}
