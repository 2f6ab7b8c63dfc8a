export * from './app-menu';
export * from './mute-menu';
