export * from './status-controller';
