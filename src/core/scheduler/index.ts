// One timer for every backend: the probe scheduler, plus a fake clock other modules' tests reuse.
export type { Scheduler, SchedulerOptions } from './scheduler';
export { createScheduler } from './scheduler';
export type { FakeClock } from './fake-clock';
export { createFakeClock } from './fake-clock';
