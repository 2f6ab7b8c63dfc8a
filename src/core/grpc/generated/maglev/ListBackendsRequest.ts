// Original file: proto/maglev.proto


export interface ListBackendsRequest {
}

export interface ListBackendsRequest__Output {
}
