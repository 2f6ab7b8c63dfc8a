// Original file: proto/maglev.proto


export interface ReloadConfigRequest {
}

export interface ReloadConfigRequest__Output {
}
