// Original file: proto/maglev.proto


export interface PoolBackendInfo {
  'name'?: (string);
  /**
   * Configured weight, 0-100 (run-time changes included).
   */
  'weight'?: (number);
  'effectiveWeight'?: (number);
  /**
   * The last effective-weight decision asked for a flush.
   */
  'flush'?: (boolean);
}

export interface PoolBackendInfo__Output {
  'name': (string);
  /**
   * Configured weight, 0-100 (run-time changes included).
   */
  'weight': (number);
  'effectiveWeight': (number);
  /**
   * The last effective-weight decision asked for a flush.
   */
  'flush': (boolean);
}
