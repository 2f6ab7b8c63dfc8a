import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Bridge, BridgeConnection } from './bridge';

const BridgeContext = createContext<Bridge | null>(null);

/** Provides the bridge to every feature. */
export function BridgeProvider({ bridge, children }: { bridge: Bridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

/** Returns the bridge; throws when used outside BridgeProvider (a programming error). */
export function useBridge(): Bridge {
  const b = useContext(BridgeContext);
  if (!b) throw new Error('useBridge outside BridgeProvider');
  return b;
}

/** Returns the bridge's connection state. */
export function useBridgeConnection(): BridgeConnection {
  const bridge = useBridge();
  const [state, setState] = useState<BridgeConnection>('connecting');
  useEffect(() => bridge.onConnection(setState), [bridge]);
  return state;
}
