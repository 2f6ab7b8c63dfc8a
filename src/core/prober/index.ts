// Probers: one per check type behind the `Prober` contract; a registry dispatches by kind.
export type * from './types';
export { createHttpProber, type HttpProberDeps } from './http-prober';
export { createTcpProber, type TcpProberDeps } from './tcp-prober';
export type { ProbeTransport } from './handle-transport';
export { createProberRegistry, createUnavailableProber, type ProberRegistryOptions } from './registry';
export { MAX_BODY } from './http-response';
export { createIcmpProber, parseIcmp } from './icmp-prober';
export { createNetnsProberRegistry, defaultWorkerCommand, type NetnsRegistryOptions } from './netns-registry';
export { createThreadedProberRegistry } from './thread-registry';
