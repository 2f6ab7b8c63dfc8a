// Original file: proto/maglev.proto


export interface SyncVPPLBStateResponse {
}

export interface SyncVPPLBStateResponse__Output {
}
