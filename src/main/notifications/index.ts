export * from './down-notifier';
export * from './mute-store';
export * from './show-notification';
