// Original file: proto/maglev.proto


export interface CheckConfigRequest {
}

export interface CheckConfigRequest__Output {
}
