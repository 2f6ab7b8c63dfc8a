// Original file: proto/maglev.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BackendInfo as _maglev_BackendInfo, BackendInfo__Output as _maglev_BackendInfo__Output } from '../maglev/BackendInfo';
import type { BackendRequest as _maglev_BackendRequest, BackendRequest__Output as _maglev_BackendRequest__Output } from '../maglev/BackendRequest';
import type { CheckConfigRequest as _maglev_CheckConfigRequest, CheckConfigRequest__Output as _maglev_CheckConfigRequest__Output } from '../maglev/CheckConfigRequest';
import type { CheckConfigResponse as _maglev_CheckConfigResponse, CheckConfigResponse__Output as _maglev_CheckConfigResponse__Output } from '../maglev/CheckConfigResponse';
import type { Event as _maglev_Event, Event__Output as _maglev_Event__Output } from '../maglev/Event';
import type { FrontendInfo as _maglev_FrontendInfo, FrontendInfo__Output as _maglev_FrontendInfo__Output } from '../maglev/FrontendInfo';
import type { GetBackendRequest as _maglev_GetBackendRequest, GetBackendRequest__Output as _maglev_GetBackendRequest__Output } from '../maglev/GetBackendRequest';
import type { GetFrontendRequest as _maglev_GetFrontendRequest, GetFrontendRequest__Output as _maglev_GetFrontendRequest__Output } from '../maglev/GetFrontendRequest';
import type { GetHealthCheckRequest as _maglev_GetHealthCheckRequest, GetHealthCheckRequest__Output as _maglev_GetHealthCheckRequest__Output } from '../maglev/GetHealthCheckRequest';
import type { GetVPPInfoRequest as _maglev_GetVPPInfoRequest, GetVPPInfoRequest__Output as _maglev_GetVPPInfoRequest__Output } from '../maglev/GetVPPInfoRequest';
import type { GetVPPLBCountersRequest as _maglev_GetVPPLBCountersRequest, GetVPPLBCountersRequest__Output as _maglev_GetVPPLBCountersRequest__Output } from '../maglev/GetVPPLBCountersRequest';
import type { GetVPPLBStateRequest as _maglev_GetVPPLBStateRequest, GetVPPLBStateRequest__Output as _maglev_GetVPPLBStateRequest__Output } from '../maglev/GetVPPLBStateRequest';
import type { HealthCheckInfo as _maglev_HealthCheckInfo, HealthCheckInfo__Output as _maglev_HealthCheckInfo__Output } from '../maglev/HealthCheckInfo';
import type { ListBackendsRequest as _maglev_ListBackendsRequest, ListBackendsRequest__Output as _maglev_ListBackendsRequest__Output } from '../maglev/ListBackendsRequest';
import type { ListBackendsResponse as _maglev_ListBackendsResponse, ListBackendsResponse__Output as _maglev_ListBackendsResponse__Output } from '../maglev/ListBackendsResponse';
import type { ListFrontendsRequest as _maglev_ListFrontendsRequest, ListFrontendsRequest__Output as _maglev_ListFrontendsRequest__Output } from '../maglev/ListFrontendsRequest';
import type { ListFrontendsResponse as _maglev_ListFrontendsResponse, ListFrontendsResponse__Output as _maglev_ListFrontendsResponse__Output } from '../maglev/ListFrontendsResponse';
import type { ListHealthChecksRequest as _maglev_ListHealthChecksRequest, ListHealthChecksRequest__Output as _maglev_ListHealthChecksRequest__Output } from '../maglev/ListHealthChecksRequest';
import type { ListHealthChecksResponse as _maglev_ListHealthChecksResponse, ListHealthChecksResponse__Output as _maglev_ListHealthChecksResponse__Output } from '../maglev/ListHealthChecksResponse';
import type { ReloadConfigRequest as _maglev_ReloadConfigRequest, ReloadConfigRequest__Output as _maglev_ReloadConfigRequest__Output } from '../maglev/ReloadConfigRequest';
import type { ReloadConfigResponse as _maglev_ReloadConfigResponse, ReloadConfigResponse__Output as _maglev_ReloadConfigResponse__Output } from '../maglev/ReloadConfigResponse';
import type { SetWeightRequest as _maglev_SetWeightRequest, SetWeightRequest__Output as _maglev_SetWeightRequest__Output } from '../maglev/SetWeightRequest';
import type { SyncVPPLBStateRequest as _maglev_SyncVPPLBStateRequest, SyncVPPLBStateRequest__Output as _maglev_SyncVPPLBStateRequest__Output } from '../maglev/SyncVPPLBStateRequest';
import type { SyncVPPLBStateResponse as _maglev_SyncVPPLBStateResponse, SyncVPPLBStateResponse__Output as _maglev_SyncVPPLBStateResponse__Output } from '../maglev/SyncVPPLBStateResponse';
import type { VPPInfo as _maglev_VPPInfo, VPPInfo__Output as _maglev_VPPInfo__Output } from '../maglev/VPPInfo';
import type { VPPLBCounters as _maglev_VPPLBCounters, VPPLBCounters__Output as _maglev_VPPLBCounters__Output } from '../maglev/VPPLBCounters';
import type { VPPLBState as _maglev_VPPLBState, VPPLBState__Output as _maglev_VPPLBState__Output } from '../maglev/VPPLBState';
import type { WatchRequest as _maglev_WatchRequest, WatchRequest__Output as _maglev_WatchRequest__Output } from '../maglev/WatchRequest';

export interface MaglevClient extends grpc.Client {
  CheckConfig(argument: _maglev_CheckConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_CheckConfigResponse__Output>): grpc.ClientUnaryCall;
  CheckConfig(argument: _maglev_CheckConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_CheckConfigResponse__Output>): grpc.ClientUnaryCall;
  CheckConfig(argument: _maglev_CheckConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_CheckConfigResponse__Output>): grpc.ClientUnaryCall;
  CheckConfig(argument: _maglev_CheckConfigRequest, callback: grpc.requestCallback<_maglev_CheckConfigResponse__Output>): grpc.ClientUnaryCall;
  checkConfig(argument: _maglev_CheckConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_CheckConfigResponse__Output>): grpc.ClientUnaryCall;
  checkConfig(argument: _maglev_CheckConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_CheckConfigResponse__Output>): grpc.ClientUnaryCall;
  checkConfig(argument: _maglev_CheckConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_CheckConfigResponse__Output>): grpc.ClientUnaryCall;
  checkConfig(argument: _maglev_CheckConfigRequest, callback: grpc.requestCallback<_maglev_CheckConfigResponse__Output>): grpc.ClientUnaryCall;
  
  DisableBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  DisableBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  DisableBackend(argument: _maglev_BackendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  DisableBackend(argument: _maglev_BackendRequest, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  disableBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  disableBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  disableBackend(argument: _maglev_BackendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  disableBackend(argument: _maglev_BackendRequest, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  
  EnableBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  EnableBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  EnableBackend(argument: _maglev_BackendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  EnableBackend(argument: _maglev_BackendRequest, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  enableBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  enableBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  enableBackend(argument: _maglev_BackendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  enableBackend(argument: _maglev_BackendRequest, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  
  GetBackend(argument: _maglev_GetBackendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  GetBackend(argument: _maglev_GetBackendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  GetBackend(argument: _maglev_GetBackendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  GetBackend(argument: _maglev_GetBackendRequest, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  getBackend(argument: _maglev_GetBackendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  getBackend(argument: _maglev_GetBackendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  getBackend(argument: _maglev_GetBackendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  getBackend(argument: _maglev_GetBackendRequest, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  
  GetFrontend(argument: _maglev_GetFrontendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  GetFrontend(argument: _maglev_GetFrontendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  GetFrontend(argument: _maglev_GetFrontendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  GetFrontend(argument: _maglev_GetFrontendRequest, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  getFrontend(argument: _maglev_GetFrontendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  getFrontend(argument: _maglev_GetFrontendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  getFrontend(argument: _maglev_GetFrontendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  getFrontend(argument: _maglev_GetFrontendRequest, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  
  GetHealthCheck(argument: _maglev_GetHealthCheckRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_HealthCheckInfo__Output>): grpc.ClientUnaryCall;
  GetHealthCheck(argument: _maglev_GetHealthCheckRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_HealthCheckInfo__Output>): grpc.ClientUnaryCall;
  GetHealthCheck(argument: _maglev_GetHealthCheckRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_HealthCheckInfo__Output>): grpc.ClientUnaryCall;
  GetHealthCheck(argument: _maglev_GetHealthCheckRequest, callback: grpc.requestCallback<_maglev_HealthCheckInfo__Output>): grpc.ClientUnaryCall;
  getHealthCheck(argument: _maglev_GetHealthCheckRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_HealthCheckInfo__Output>): grpc.ClientUnaryCall;
  getHealthCheck(argument: _maglev_GetHealthCheckRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_HealthCheckInfo__Output>): grpc.ClientUnaryCall;
  getHealthCheck(argument: _maglev_GetHealthCheckRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_HealthCheckInfo__Output>): grpc.ClientUnaryCall;
  getHealthCheck(argument: _maglev_GetHealthCheckRequest, callback: grpc.requestCallback<_maglev_HealthCheckInfo__Output>): grpc.ClientUnaryCall;
  
  GetVPPInfo(argument: _maglev_GetVPPInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPInfo__Output>): grpc.ClientUnaryCall;
  GetVPPInfo(argument: _maglev_GetVPPInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_VPPInfo__Output>): grpc.ClientUnaryCall;
  GetVPPInfo(argument: _maglev_GetVPPInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPInfo__Output>): grpc.ClientUnaryCall;
  GetVPPInfo(argument: _maglev_GetVPPInfoRequest, callback: grpc.requestCallback<_maglev_VPPInfo__Output>): grpc.ClientUnaryCall;
  getVppInfo(argument: _maglev_GetVPPInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPInfo__Output>): grpc.ClientUnaryCall;
  getVppInfo(argument: _maglev_GetVPPInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_VPPInfo__Output>): grpc.ClientUnaryCall;
  getVppInfo(argument: _maglev_GetVPPInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPInfo__Output>): grpc.ClientUnaryCall;
  getVppInfo(argument: _maglev_GetVPPInfoRequest, callback: grpc.requestCallback<_maglev_VPPInfo__Output>): grpc.ClientUnaryCall;
  
  GetVPPLBCounters(argument: _maglev_GetVPPLBCountersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPLBCounters__Output>): grpc.ClientUnaryCall;
  GetVPPLBCounters(argument: _maglev_GetVPPLBCountersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_VPPLBCounters__Output>): grpc.ClientUnaryCall;
  GetVPPLBCounters(argument: _maglev_GetVPPLBCountersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPLBCounters__Output>): grpc.ClientUnaryCall;
  GetVPPLBCounters(argument: _maglev_GetVPPLBCountersRequest, callback: grpc.requestCallback<_maglev_VPPLBCounters__Output>): grpc.ClientUnaryCall;
  getVpplbCounters(argument: _maglev_GetVPPLBCountersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPLBCounters__Output>): grpc.ClientUnaryCall;
  getVpplbCounters(argument: _maglev_GetVPPLBCountersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_VPPLBCounters__Output>): grpc.ClientUnaryCall;
  getVpplbCounters(argument: _maglev_GetVPPLBCountersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPLBCounters__Output>): grpc.ClientUnaryCall;
  getVpplbCounters(argument: _maglev_GetVPPLBCountersRequest, callback: grpc.requestCallback<_maglev_VPPLBCounters__Output>): grpc.ClientUnaryCall;
  
  GetVPPLBState(argument: _maglev_GetVPPLBStateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPLBState__Output>): grpc.ClientUnaryCall;
  GetVPPLBState(argument: _maglev_GetVPPLBStateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_VPPLBState__Output>): grpc.ClientUnaryCall;
  GetVPPLBState(argument: _maglev_GetVPPLBStateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPLBState__Output>): grpc.ClientUnaryCall;
  GetVPPLBState(argument: _maglev_GetVPPLBStateRequest, callback: grpc.requestCallback<_maglev_VPPLBState__Output>): grpc.ClientUnaryCall;
  getVpplbState(argument: _maglev_GetVPPLBStateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPLBState__Output>): grpc.ClientUnaryCall;
  getVpplbState(argument: _maglev_GetVPPLBStateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_VPPLBState__Output>): grpc.ClientUnaryCall;
  getVpplbState(argument: _maglev_GetVPPLBStateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_VPPLBState__Output>): grpc.ClientUnaryCall;
  getVpplbState(argument: _maglev_GetVPPLBStateRequest, callback: grpc.requestCallback<_maglev_VPPLBState__Output>): grpc.ClientUnaryCall;
  
  ListBackends(argument: _maglev_ListBackendsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListBackendsResponse__Output>): grpc.ClientUnaryCall;
  ListBackends(argument: _maglev_ListBackendsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_ListBackendsResponse__Output>): grpc.ClientUnaryCall;
  ListBackends(argument: _maglev_ListBackendsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListBackendsResponse__Output>): grpc.ClientUnaryCall;
  ListBackends(argument: _maglev_ListBackendsRequest, callback: grpc.requestCallback<_maglev_ListBackendsResponse__Output>): grpc.ClientUnaryCall;
  listBackends(argument: _maglev_ListBackendsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListBackendsResponse__Output>): grpc.ClientUnaryCall;
  listBackends(argument: _maglev_ListBackendsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_ListBackendsResponse__Output>): grpc.ClientUnaryCall;
  listBackends(argument: _maglev_ListBackendsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListBackendsResponse__Output>): grpc.ClientUnaryCall;
  listBackends(argument: _maglev_ListBackendsRequest, callback: grpc.requestCallback<_maglev_ListBackendsResponse__Output>): grpc.ClientUnaryCall;
  
  ListFrontends(argument: _maglev_ListFrontendsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListFrontendsResponse__Output>): grpc.ClientUnaryCall;
  ListFrontends(argument: _maglev_ListFrontendsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_ListFrontendsResponse__Output>): grpc.ClientUnaryCall;
  ListFrontends(argument: _maglev_ListFrontendsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListFrontendsResponse__Output>): grpc.ClientUnaryCall;
  ListFrontends(argument: _maglev_ListFrontendsRequest, callback: grpc.requestCallback<_maglev_ListFrontendsResponse__Output>): grpc.ClientUnaryCall;
  listFrontends(argument: _maglev_ListFrontendsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListFrontendsResponse__Output>): grpc.ClientUnaryCall;
  listFrontends(argument: _maglev_ListFrontendsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_ListFrontendsResponse__Output>): grpc.ClientUnaryCall;
  listFrontends(argument: _maglev_ListFrontendsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListFrontendsResponse__Output>): grpc.ClientUnaryCall;
  listFrontends(argument: _maglev_ListFrontendsRequest, callback: grpc.requestCallback<_maglev_ListFrontendsResponse__Output>): grpc.ClientUnaryCall;
  
  ListHealthChecks(argument: _maglev_ListHealthChecksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListHealthChecksResponse__Output>): grpc.ClientUnaryCall;
  ListHealthChecks(argument: _maglev_ListHealthChecksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_ListHealthChecksResponse__Output>): grpc.ClientUnaryCall;
  ListHealthChecks(argument: _maglev_ListHealthChecksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListHealthChecksResponse__Output>): grpc.ClientUnaryCall;
  ListHealthChecks(argument: _maglev_ListHealthChecksRequest, callback: grpc.requestCallback<_maglev_ListHealthChecksResponse__Output>): grpc.ClientUnaryCall;
  listHealthChecks(argument: _maglev_ListHealthChecksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListHealthChecksResponse__Output>): grpc.ClientUnaryCall;
  listHealthChecks(argument: _maglev_ListHealthChecksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_ListHealthChecksResponse__Output>): grpc.ClientUnaryCall;
  listHealthChecks(argument: _maglev_ListHealthChecksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ListHealthChecksResponse__Output>): grpc.ClientUnaryCall;
  listHealthChecks(argument: _maglev_ListHealthChecksRequest, callback: grpc.requestCallback<_maglev_ListHealthChecksResponse__Output>): grpc.ClientUnaryCall;
  
  PauseBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  PauseBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  PauseBackend(argument: _maglev_BackendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  PauseBackend(argument: _maglev_BackendRequest, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  pauseBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  pauseBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  pauseBackend(argument: _maglev_BackendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  pauseBackend(argument: _maglev_BackendRequest, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  
  ReloadConfig(argument: _maglev_ReloadConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ReloadConfigResponse__Output>): grpc.ClientUnaryCall;
  ReloadConfig(argument: _maglev_ReloadConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_ReloadConfigResponse__Output>): grpc.ClientUnaryCall;
  ReloadConfig(argument: _maglev_ReloadConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ReloadConfigResponse__Output>): grpc.ClientUnaryCall;
  ReloadConfig(argument: _maglev_ReloadConfigRequest, callback: grpc.requestCallback<_maglev_ReloadConfigResponse__Output>): grpc.ClientUnaryCall;
  reloadConfig(argument: _maglev_ReloadConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ReloadConfigResponse__Output>): grpc.ClientUnaryCall;
  reloadConfig(argument: _maglev_ReloadConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_ReloadConfigResponse__Output>): grpc.ClientUnaryCall;
  reloadConfig(argument: _maglev_ReloadConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_ReloadConfigResponse__Output>): grpc.ClientUnaryCall;
  reloadConfig(argument: _maglev_ReloadConfigRequest, callback: grpc.requestCallback<_maglev_ReloadConfigResponse__Output>): grpc.ClientUnaryCall;
  
  ResumeBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  ResumeBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  ResumeBackend(argument: _maglev_BackendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  ResumeBackend(argument: _maglev_BackendRequest, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  resumeBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  resumeBackend(argument: _maglev_BackendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  resumeBackend(argument: _maglev_BackendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  resumeBackend(argument: _maglev_BackendRequest, callback: grpc.requestCallback<_maglev_BackendInfo__Output>): grpc.ClientUnaryCall;
  
  SetFrontendPoolBackendWeight(argument: _maglev_SetWeightRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  SetFrontendPoolBackendWeight(argument: _maglev_SetWeightRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  SetFrontendPoolBackendWeight(argument: _maglev_SetWeightRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  SetFrontendPoolBackendWeight(argument: _maglev_SetWeightRequest, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  setFrontendPoolBackendWeight(argument: _maglev_SetWeightRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  setFrontendPoolBackendWeight(argument: _maglev_SetWeightRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  setFrontendPoolBackendWeight(argument: _maglev_SetWeightRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  setFrontendPoolBackendWeight(argument: _maglev_SetWeightRequest, callback: grpc.requestCallback<_maglev_FrontendInfo__Output>): grpc.ClientUnaryCall;
  
  SyncVPPLBState(argument: _maglev_SyncVPPLBStateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_SyncVPPLBStateResponse__Output>): grpc.ClientUnaryCall;
  SyncVPPLBState(argument: _maglev_SyncVPPLBStateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_SyncVPPLBStateResponse__Output>): grpc.ClientUnaryCall;
  SyncVPPLBState(argument: _maglev_SyncVPPLBStateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_SyncVPPLBStateResponse__Output>): grpc.ClientUnaryCall;
  SyncVPPLBState(argument: _maglev_SyncVPPLBStateRequest, callback: grpc.requestCallback<_maglev_SyncVPPLBStateResponse__Output>): grpc.ClientUnaryCall;
  syncVpplbState(argument: _maglev_SyncVPPLBStateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_SyncVPPLBStateResponse__Output>): grpc.ClientUnaryCall;
  syncVpplbState(argument: _maglev_SyncVPPLBStateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_maglev_SyncVPPLBStateResponse__Output>): grpc.ClientUnaryCall;
  syncVpplbState(argument: _maglev_SyncVPPLBStateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_maglev_SyncVPPLBStateResponse__Output>): grpc.ClientUnaryCall;
  syncVpplbState(argument: _maglev_SyncVPPLBStateRequest, callback: grpc.requestCallback<_maglev_SyncVPPLBStateResponse__Output>): grpc.ClientUnaryCall;
  
  WatchEvents(argument: _maglev_WatchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_maglev_Event__Output>;
  WatchEvents(argument: _maglev_WatchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_maglev_Event__Output>;
  watchEvents(argument: _maglev_WatchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_maglev_Event__Output>;
  watchEvents(argument: _maglev_WatchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_maglev_Event__Output>;
  
}

export interface MaglevHandlers extends grpc.UntypedServiceImplementation {
  CheckConfig: grpc.handleUnaryCall<_maglev_CheckConfigRequest__Output, _maglev_CheckConfigResponse>;
  
  DisableBackend: grpc.handleUnaryCall<_maglev_BackendRequest__Output, _maglev_BackendInfo>;
  
  EnableBackend: grpc.handleUnaryCall<_maglev_BackendRequest__Output, _maglev_BackendInfo>;
  
  GetBackend: grpc.handleUnaryCall<_maglev_GetBackendRequest__Output, _maglev_BackendInfo>;
  
  GetFrontend: grpc.handleUnaryCall<_maglev_GetFrontendRequest__Output, _maglev_FrontendInfo>;
  
  GetHealthCheck: grpc.handleUnaryCall<_maglev_GetHealthCheckRequest__Output, _maglev_HealthCheckInfo>;
  
  GetVPPInfo: grpc.handleUnaryCall<_maglev_GetVPPInfoRequest__Output, _maglev_VPPInfo>;
  
  GetVPPLBCounters: grpc.handleUnaryCall<_maglev_GetVPPLBCountersRequest__Output, _maglev_VPPLBCounters>;
  
  GetVPPLBState: grpc.handleUnaryCall<_maglev_GetVPPLBStateRequest__Output, _maglev_VPPLBState>;
  
  ListBackends: grpc.handleUnaryCall<_maglev_ListBackendsRequest__Output, _maglev_ListBackendsResponse>;
  
  ListFrontends: grpc.handleUnaryCall<_maglev_ListFrontendsRequest__Output, _maglev_ListFrontendsResponse>;
  
  ListHealthChecks: grpc.handleUnaryCall<_maglev_ListHealthChecksRequest__Output, _maglev_ListHealthChecksResponse>;
  
  PauseBackend: grpc.handleUnaryCall<_maglev_BackendRequest__Output, _maglev_BackendInfo>;
  
  ReloadConfig: grpc.handleUnaryCall<_maglev_ReloadConfigRequest__Output, _maglev_ReloadConfigResponse>;
  
  ResumeBackend: grpc.handleUnaryCall<_maglev_BackendRequest__Output, _maglev_BackendInfo>;
  
  SetFrontendPoolBackendWeight: grpc.handleUnaryCall<_maglev_SetWeightRequest__Output, _maglev_FrontendInfo>;
  
  SyncVPPLBState: grpc.handleUnaryCall<_maglev_SyncVPPLBStateRequest__Output, _maglev_SyncVPPLBStateResponse>;
  
  WatchEvents: grpc.handleServerStreamingCall<_maglev_WatchRequest__Output, _maglev_Event>;
  
}

export interface MaglevDefinition extends grpc.ServiceDefinition {
  CheckConfig: MethodDefinition<_maglev_CheckConfigRequest, _maglev_CheckConfigResponse, _maglev_CheckConfigRequest__Output, _maglev_CheckConfigResponse__Output>
  DisableBackend: MethodDefinition<_maglev_BackendRequest, _maglev_BackendInfo, _maglev_BackendRequest__Output, _maglev_BackendInfo__Output>
  EnableBackend: MethodDefinition<_maglev_BackendRequest, _maglev_BackendInfo, _maglev_BackendRequest__Output, _maglev_BackendInfo__Output>
  GetBackend: MethodDefinition<_maglev_GetBackendRequest, _maglev_BackendInfo, _maglev_GetBackendRequest__Output, _maglev_BackendInfo__Output>
  GetFrontend: MethodDefinition<_maglev_GetFrontendRequest, _maglev_FrontendInfo, _maglev_GetFrontendRequest__Output, _maglev_FrontendInfo__Output>
  GetHealthCheck: MethodDefinition<_maglev_GetHealthCheckRequest, _maglev_HealthCheckInfo, _maglev_GetHealthCheckRequest__Output, _maglev_HealthCheckInfo__Output>
  GetVPPInfo: MethodDefinition<_maglev_GetVPPInfoRequest, _maglev_VPPInfo, _maglev_GetVPPInfoRequest__Output, _maglev_VPPInfo__Output>
  GetVPPLBCounters: MethodDefinition<_maglev_GetVPPLBCountersRequest, _maglev_VPPLBCounters, _maglev_GetVPPLBCountersRequest__Output, _maglev_VPPLBCounters__Output>
  GetVPPLBState: MethodDefinition<_maglev_GetVPPLBStateRequest, _maglev_VPPLBState, _maglev_GetVPPLBStateRequest__Output, _maglev_VPPLBState__Output>
  ListBackends: MethodDefinition<_maglev_ListBackendsRequest, _maglev_ListBackendsResponse, _maglev_ListBackendsRequest__Output, _maglev_ListBackendsResponse__Output>
  ListFrontends: MethodDefinition<_maglev_ListFrontendsRequest, _maglev_ListFrontendsResponse, _maglev_ListFrontendsRequest__Output, _maglev_ListFrontendsResponse__Output>
  ListHealthChecks: MethodDefinition<_maglev_ListHealthChecksRequest, _maglev_ListHealthChecksResponse, _maglev_ListHealthChecksRequest__Output, _maglev_ListHealthChecksResponse__Output>
  PauseBackend: MethodDefinition<_maglev_BackendRequest, _maglev_BackendInfo, _maglev_BackendRequest__Output, _maglev_BackendInfo__Output>
  ReloadConfig: MethodDefinition<_maglev_ReloadConfigRequest, _maglev_ReloadConfigResponse, _maglev_ReloadConfigRequest__Output, _maglev_ReloadConfigResponse__Output>
  ResumeBackend: MethodDefinition<_maglev_BackendRequest, _maglev_BackendInfo, _maglev_BackendRequest__Output, _maglev_BackendInfo__Output>
  SetFrontendPoolBackendWeight: MethodDefinition<_maglev_SetWeightRequest, _maglev_FrontendInfo, _maglev_SetWeightRequest__Output, _maglev_FrontendInfo__Output>
  SyncVPPLBState: MethodDefinition<_maglev_SyncVPPLBStateRequest, _maglev_SyncVPPLBStateResponse, _maglev_SyncVPPLBStateRequest__Output, _maglev_SyncVPPLBStateResponse__Output>
  WatchEvents: MethodDefinition<_maglev_WatchRequest, _maglev_Event, _maglev_WatchRequest__Output, _maglev_Event__Output>
}
