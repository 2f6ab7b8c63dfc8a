// Original file: proto/maglev.proto


export interface GetVPPLBCountersRequest {
}

export interface GetVPPLBCountersRequest__Output {
}
