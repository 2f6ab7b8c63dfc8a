/** Sends contract events to every window that shows the app's own page. */
import { channelOf, type EventName, type EventPayload } from '../../shared/ipc';
import type { SenderInfo } from './sender-check';

/** The part of Electron's WebContents used here. */
export interface WebContentsLike {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, payload: unknown): void;
}

export interface EventBroadcasterDeps {
  targets(): readonly WebContentsLike[];
  isTrustedSender(event: SenderInfo): boolean;
}

/** Returns a `send` that delivers one event to every live, trusted window. */
export function createEventBroadcaster(
  deps: EventBroadcasterDeps,
): <E extends EventName>(event: E, payload: EventPayload<E>) => void {
  return (event, payload) => {
    const channel = channelOf(event);
    for (const wc of deps.targets()) {
      // A window that navigated away from the app (it cannot, but defence in depth) gets nothing.
      if (wc.isDestroyed() || !deps.isTrustedSender({ senderFrame: { url: wc.getURL() } })) continue;
      wc.send(channel, payload);
    }
  };
}
