export * from './clock';
export * from './result';
