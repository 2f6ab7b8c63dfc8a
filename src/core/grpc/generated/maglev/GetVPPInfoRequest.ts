// Original file: proto/maglev.proto


export interface GetVPPInfoRequest {
}

export interface GetVPPInfoRequest__Output {
}
