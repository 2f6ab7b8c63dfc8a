export * from './health-summary';
export * from './tray-image';
export * from './tray-menu';
export * from './app-tray';
