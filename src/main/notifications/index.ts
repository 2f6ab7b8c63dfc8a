export * from './down-notifier';
export * from './mute-store';
