// The health checker: composes config, probers, the health engine and the scheduler.
export type * from './types';
export type { CheckerDeps } from './checker';
export type { CheckerObserver } from './context';
export { createChecker } from './checker';
export { DEFAULT_SUBSCRIPTION_CAPACITY } from './subscription';
export { WEIGHT_SET_LOG } from './actions';
