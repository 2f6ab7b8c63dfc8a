export * from './health';
export * from './events';
export * from './config';
export * from './sites';
export * from './config-edit';
