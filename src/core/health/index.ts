// The pure health engine: the rise/fall state machine, intervals, effective weights, probe history.
export type {
  BackendHealth,
  HealthEvent,
  HealthParams,
  HealthStep,
  IntervalParams,
  OperatorEvent,
  OperatorEventType,
  ProbeEvent,
  RiseFall,
} from './types';
export {
  ALLOWED_TRANSITIONS,
  OPERATOR_EVENT_CODES,
  OPERATOR_TRANSITIONS,
  createBackendHealth,
  isProbingState,
  jitterMs,
  maxCounter,
  nextHealth,
  nextIntervalMs,
  prependCapped,
  trimHistory,
} from './rise-fall';
export type { FrontendCounts, FrontendHealth, MemberWeight, WeightedMember, WeightedPool } from './effective-weight';
export { computeFrontendHealth, findActivePool, frontendStateFromCounts, memberWeight } from './effective-weight';
export type { ProbeHistory, SampleColumns } from './probe-history';
export {
  DEFAULT_HISTORY_CAPACITY,
  HISTORY_BYTES_PER_SAMPLE,
  createProbeHistory,
} from './probe-history';
