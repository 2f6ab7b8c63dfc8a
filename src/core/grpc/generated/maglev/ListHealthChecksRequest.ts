// Original file: proto/maglev.proto


export interface ListHealthChecksRequest {
}

export interface ListHealthChecksRequest__Output {
}
