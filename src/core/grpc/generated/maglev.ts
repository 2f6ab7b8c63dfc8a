import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BackendEvent as _maglev_BackendEvent, BackendEvent__Output as _maglev_BackendEvent__Output } from './maglev/BackendEvent';
import type { BackendInfo as _maglev_BackendInfo, BackendInfo__Output as _maglev_BackendInfo__Output } from './maglev/BackendInfo';
import type { BackendRequest as _maglev_BackendRequest, BackendRequest__Output as _maglev_BackendRequest__Output } from './maglev/BackendRequest';
import type { CheckConfigRequest as _maglev_CheckConfigRequest, CheckConfigRequest__Output as _maglev_CheckConfigRequest__Output } from './maglev/CheckConfigRequest';
import type { CheckConfigResponse as _maglev_CheckConfigResponse, CheckConfigResponse__Output as _maglev_CheckConfigResponse__Output } from './maglev/CheckConfigResponse';
import type { Event as _maglev_Event, Event__Output as _maglev_Event__Output } from './maglev/Event';
import type { FrontendEvent as _maglev_FrontendEvent, FrontendEvent__Output as _maglev_FrontendEvent__Output } from './maglev/FrontendEvent';
import type { FrontendInfo as _maglev_FrontendInfo, FrontendInfo__Output as _maglev_FrontendInfo__Output } from './maglev/FrontendInfo';
import type { GetBackendRequest as _maglev_GetBackendRequest, GetBackendRequest__Output as _maglev_GetBackendRequest__Output } from './maglev/GetBackendRequest';
import type { GetFrontendRequest as _maglev_GetFrontendRequest, GetFrontendRequest__Output as _maglev_GetFrontendRequest__Output } from './maglev/GetFrontendRequest';
import type { GetHealthCheckRequest as _maglev_GetHealthCheckRequest, GetHealthCheckRequest__Output as _maglev_GetHealthCheckRequest__Output } from './maglev/GetHealthCheckRequest';
import type { GetVPPInfoRequest as _maglev_GetVPPInfoRequest, GetVPPInfoRequest__Output as _maglev_GetVPPInfoRequest__Output } from './maglev/GetVPPInfoRequest';
import type { GetVPPLBCountersRequest as _maglev_GetVPPLBCountersRequest, GetVPPLBCountersRequest__Output as _maglev_GetVPPLBCountersRequest__Output } from './maglev/GetVPPLBCountersRequest';
import type { GetVPPLBStateRequest as _maglev_GetVPPLBStateRequest, GetVPPLBStateRequest__Output as _maglev_GetVPPLBStateRequest__Output } from './maglev/GetVPPLBStateRequest';
import type { HTTPParams as _maglev_HTTPParams, HTTPParams__Output as _maglev_HTTPParams__Output } from './maglev/HTTPParams';
import type { HealthCheckInfo as _maglev_HealthCheckInfo, HealthCheckInfo__Output as _maglev_HealthCheckInfo__Output } from './maglev/HealthCheckInfo';
import type { ListBackendsRequest as _maglev_ListBackendsRequest, ListBackendsRequest__Output as _maglev_ListBackendsRequest__Output } from './maglev/ListBackendsRequest';
import type { ListBackendsResponse as _maglev_ListBackendsResponse, ListBackendsResponse__Output as _maglev_ListBackendsResponse__Output } from './maglev/ListBackendsResponse';
import type { ListFrontendsRequest as _maglev_ListFrontendsRequest, ListFrontendsRequest__Output as _maglev_ListFrontendsRequest__Output } from './maglev/ListFrontendsRequest';
import type { ListFrontendsResponse as _maglev_ListFrontendsResponse, ListFrontendsResponse__Output as _maglev_ListFrontendsResponse__Output } from './maglev/ListFrontendsResponse';
import type { ListHealthChecksRequest as _maglev_ListHealthChecksRequest, ListHealthChecksRequest__Output as _maglev_ListHealthChecksRequest__Output } from './maglev/ListHealthChecksRequest';
import type { ListHealthChecksResponse as _maglev_ListHealthChecksResponse, ListHealthChecksResponse__Output as _maglev_ListHealthChecksResponse__Output } from './maglev/ListHealthChecksResponse';
import type { LogEvent as _maglev_LogEvent, LogEvent__Output as _maglev_LogEvent__Output } from './maglev/LogEvent';
import type { MaglevClient as _maglev_MaglevClient, MaglevDefinition as _maglev_MaglevDefinition } from './maglev/Maglev';
import type { PoolBackendInfo as _maglev_PoolBackendInfo, PoolBackendInfo__Output as _maglev_PoolBackendInfo__Output } from './maglev/PoolBackendInfo';
import type { PoolInfo as _maglev_PoolInfo, PoolInfo__Output as _maglev_PoolInfo__Output } from './maglev/PoolInfo';
import type { ProbeResult as _maglev_ProbeResult, ProbeResult__Output as _maglev_ProbeResult__Output } from './maglev/ProbeResult';
import type { ReloadConfigRequest as _maglev_ReloadConfigRequest, ReloadConfigRequest__Output as _maglev_ReloadConfigRequest__Output } from './maglev/ReloadConfigRequest';
import type { ReloadConfigResponse as _maglev_ReloadConfigResponse, ReloadConfigResponse__Output as _maglev_ReloadConfigResponse__Output } from './maglev/ReloadConfigResponse';
import type { SetWeightRequest as _maglev_SetWeightRequest, SetWeightRequest__Output as _maglev_SetWeightRequest__Output } from './maglev/SetWeightRequest';
import type { SyncVPPLBStateRequest as _maglev_SyncVPPLBStateRequest, SyncVPPLBStateRequest__Output as _maglev_SyncVPPLBStateRequest__Output } from './maglev/SyncVPPLBStateRequest';
import type { SyncVPPLBStateResponse as _maglev_SyncVPPLBStateResponse, SyncVPPLBStateResponse__Output as _maglev_SyncVPPLBStateResponse__Output } from './maglev/SyncVPPLBStateResponse';
import type { TCPParams as _maglev_TCPParams, TCPParams__Output as _maglev_TCPParams__Output } from './maglev/TCPParams';
import type { TransitionInfo as _maglev_TransitionInfo, TransitionInfo__Output as _maglev_TransitionInfo__Output } from './maglev/TransitionInfo';
import type { VPPInfo as _maglev_VPPInfo, VPPInfo__Output as _maglev_VPPInfo__Output } from './maglev/VPPInfo';
import type { VPPLBAS as _maglev_VPPLBAS, VPPLBAS__Output as _maglev_VPPLBAS__Output } from './maglev/VPPLBAS';
import type { VPPLBCounters as _maglev_VPPLBCounters, VPPLBCounters__Output as _maglev_VPPLBCounters__Output } from './maglev/VPPLBCounters';
import type { VPPLBState as _maglev_VPPLBState, VPPLBState__Output as _maglev_VPPLBState__Output } from './maglev/VPPLBState';
import type { VPPLBVIP as _maglev_VPPLBVIP, VPPLBVIP__Output as _maglev_VPPLBVIP__Output } from './maglev/VPPLBVIP';
import type { VPPLBVIPCounters as _maglev_VPPLBVIPCounters, VPPLBVIPCounters__Output as _maglev_VPPLBVIPCounters__Output } from './maglev/VPPLBVIPCounters';
import type { WatchRequest as _maglev_WatchRequest, WatchRequest__Output as _maglev_WatchRequest__Output } from './maglev/WatchRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  maglev: {
    BackendEvent: MessageTypeDefinition<_maglev_BackendEvent, _maglev_BackendEvent__Output>
    BackendInfo: MessageTypeDefinition<_maglev_BackendInfo, _maglev_BackendInfo__Output>
    BackendRequest: MessageTypeDefinition<_maglev_BackendRequest, _maglev_BackendRequest__Output>
    CheckConfigRequest: MessageTypeDefinition<_maglev_CheckConfigRequest, _maglev_CheckConfigRequest__Output>
    CheckConfigResponse: MessageTypeDefinition<_maglev_CheckConfigResponse, _maglev_CheckConfigResponse__Output>
    Event: MessageTypeDefinition<_maglev_Event, _maglev_Event__Output>
    FrontendEvent: MessageTypeDefinition<_maglev_FrontendEvent, _maglev_FrontendEvent__Output>
    FrontendInfo: MessageTypeDefinition<_maglev_FrontendInfo, _maglev_FrontendInfo__Output>
    GetBackendRequest: MessageTypeDefinition<_maglev_GetBackendRequest, _maglev_GetBackendRequest__Output>
    GetFrontendRequest: MessageTypeDefinition<_maglev_GetFrontendRequest, _maglev_GetFrontendRequest__Output>
    GetHealthCheckRequest: MessageTypeDefinition<_maglev_GetHealthCheckRequest, _maglev_GetHealthCheckRequest__Output>
    GetVPPInfoRequest: MessageTypeDefinition<_maglev_GetVPPInfoRequest, _maglev_GetVPPInfoRequest__Output>
    GetVPPLBCountersRequest: MessageTypeDefinition<_maglev_GetVPPLBCountersRequest, _maglev_GetVPPLBCountersRequest__Output>
    GetVPPLBStateRequest: MessageTypeDefinition<_maglev_GetVPPLBStateRequest, _maglev_GetVPPLBStateRequest__Output>
    HTTPParams: MessageTypeDefinition<_maglev_HTTPParams, _maglev_HTTPParams__Output>
    HealthCheckInfo: MessageTypeDefinition<_maglev_HealthCheckInfo, _maglev_HealthCheckInfo__Output>
    ListBackendsRequest: MessageTypeDefinition<_maglev_ListBackendsRequest, _maglev_ListBackendsRequest__Output>
    ListBackendsResponse: MessageTypeDefinition<_maglev_ListBackendsResponse, _maglev_ListBackendsResponse__Output>
    ListFrontendsRequest: MessageTypeDefinition<_maglev_ListFrontendsRequest, _maglev_ListFrontendsRequest__Output>
    ListFrontendsResponse: MessageTypeDefinition<_maglev_ListFrontendsResponse, _maglev_ListFrontendsResponse__Output>
    ListHealthChecksRequest: MessageTypeDefinition<_maglev_ListHealthChecksRequest, _maglev_ListHealthChecksRequest__Output>
    ListHealthChecksResponse: MessageTypeDefinition<_maglev_ListHealthChecksResponse, _maglev_ListHealthChecksResponse__Output>
    LogEvent: MessageTypeDefinition<_maglev_LogEvent, _maglev_LogEvent__Output>
    Maglev: SubtypeConstructor<typeof grpc.Client, _maglev_MaglevClient> & { service: _maglev_MaglevDefinition }
    PoolBackendInfo: MessageTypeDefinition<_maglev_PoolBackendInfo, _maglev_PoolBackendInfo__Output>
    PoolInfo: MessageTypeDefinition<_maglev_PoolInfo, _maglev_PoolInfo__Output>
    ProbeResult: MessageTypeDefinition<_maglev_ProbeResult, _maglev_ProbeResult__Output>
    ReloadConfigRequest: MessageTypeDefinition<_maglev_ReloadConfigRequest, _maglev_ReloadConfigRequest__Output>
    ReloadConfigResponse: MessageTypeDefinition<_maglev_ReloadConfigResponse, _maglev_ReloadConfigResponse__Output>
    SetWeightRequest: MessageTypeDefinition<_maglev_SetWeightRequest, _maglev_SetWeightRequest__Output>
    SyncVPPLBStateRequest: MessageTypeDefinition<_maglev_SyncVPPLBStateRequest, _maglev_SyncVPPLBStateRequest__Output>
    SyncVPPLBStateResponse: MessageTypeDefinition<_maglev_SyncVPPLBStateResponse, _maglev_SyncVPPLBStateResponse__Output>
    TCPParams: MessageTypeDefinition<_maglev_TCPParams, _maglev_TCPParams__Output>
    TransitionInfo: MessageTypeDefinition<_maglev_TransitionInfo, _maglev_TransitionInfo__Output>
    VPPInfo: MessageTypeDefinition<_maglev_VPPInfo, _maglev_VPPInfo__Output>
    VPPLBAS: MessageTypeDefinition<_maglev_VPPLBAS, _maglev_VPPLBAS__Output>
    VPPLBCounters: MessageTypeDefinition<_maglev_VPPLBCounters, _maglev_VPPLBCounters__Output>
    VPPLBState: MessageTypeDefinition<_maglev_VPPLBState, _maglev_VPPLBState__Output>
    VPPLBVIP: MessageTypeDefinition<_maglev_VPPLBVIP, _maglev_VPPLBVIP__Output>
    VPPLBVIPCounters: MessageTypeDefinition<_maglev_VPPLBVIPCounters, _maglev_VPPLBVIPCounters__Output>
    WatchRequest: MessageTypeDefinition<_maglev_WatchRequest, _maglev_WatchRequest__Output>
  }
}

