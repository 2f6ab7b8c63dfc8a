// Original file: proto/maglev.proto


export interface ListFrontendsRequest {
}

export interface ListFrontendsRequest__Output {
}
