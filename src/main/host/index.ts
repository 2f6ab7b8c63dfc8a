export * from './host-protocol';
export * from './host-client';
export * from './host-server';
export * from './endpoints';
export * from './utility-host';
