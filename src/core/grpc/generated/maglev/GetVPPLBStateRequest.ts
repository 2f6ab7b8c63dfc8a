// Original file: proto/maglev.proto


export interface GetVPPLBStateRequest {
  /**
   * Empty: all frontends.
   */
  'frontend'?: (string);
}

export interface GetVPPLBStateRequest__Output {
  /**
   * Empty: all frontends.
   */
  'frontend': (string);
}
