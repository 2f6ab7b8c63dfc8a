// Original file: proto/maglev.proto


/**
 * Names in config order (the order of the keys in the YAML file).
 */
export interface ListFrontendsResponse {
  'names'?: (string)[];
}

/**
 * Names in config order (the order of the keys in the YAML file).
 */
export interface ListFrontendsResponse__Output {
  'names': (string)[];
}
