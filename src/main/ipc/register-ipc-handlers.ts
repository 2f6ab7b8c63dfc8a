/** Registers one `ipcMain.handle` per contract operation; the dispatcher does the checking. */
import { channelOf, operations, type OperationName } from '../../shared/ipc';
import type { IpcDispatcher } from './ipc-dispatcher';
import type { SenderInfo } from './sender-check';

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderInfo, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Registers the handlers and returns the function that removes them. */
export function registerIpcHandlers(ipcMain: IpcMainLike, dispatcher: IpcDispatcher): () => void {
  const channels = (Object.keys(operations) as OperationName[]).map(channelOf);
  for (const channel of channels) {
    // Only the first argument is the payload; extra arguments from a misbehaving page are ignored.
    ipcMain.handle(channel, (event, payload) => dispatcher.handle(channel, event, payload));
  }
  return () => channels.forEach((c) => ipcMain.removeHandler(c));
}
