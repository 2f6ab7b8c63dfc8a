export * from './contract';
export * from './ws-protocol';
