export * from './file-audit-sink';
