export * from './window-options';
export * from './security';
export * from './app-protocol';
export * from './main-window';
