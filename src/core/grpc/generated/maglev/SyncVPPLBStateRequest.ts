// Original file: proto/maglev.proto


export interface SyncVPPLBStateRequest {
  /**
   * Empty: all frontends.
   */
  'frontend'?: (string);
}

export interface SyncVPPLBStateRequest__Output {
  /**
   * Empty: all frontends.
   */
  'frontend': (string);
}
