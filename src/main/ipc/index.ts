export * from './sender-check';
export * from './ipc-dispatcher';
export * from './register-ipc-handlers';
export * from './event-coalescer';
export * from './event-broadcaster';
