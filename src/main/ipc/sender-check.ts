/**
 * Who may call the bridge: only frames showing the app's own pages (the `app://` protocol in a build,
 * the Vite dev server in development). A page that somehow navigated elsewhere, or a frame that has
 * gone away, is refused before its payload is even looked at.
 */

/** The part of an IPC event the check reads (Electron's IpcMainInvokeEvent has it). */
export interface SenderInfo {
  senderFrame?: { url: string } | null;
}

/** Returns `protocol//host` of a URL, or null when it does not parse. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    // Node gives non-special schemes (app:) an opaque "null" origin, so build it from the parts.
    return u.host === '' ? null : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** Creates a predicate that accepts senders whose frame URL has one of `trustedOrigins`. */
export function createSenderCheck(trustedOrigins: readonly string[]): (event: SenderInfo) => boolean {
  const trusted = new Set(trustedOrigins.map((o) => originOf(o)).filter((o): o is string => o !== null));
  return (event) => {
    const url = event.senderFrame?.url;
    if (typeof url !== 'string') return false;
    const origin = originOf(url);
    return origin !== null && trusted.has(origin);
  };
}
