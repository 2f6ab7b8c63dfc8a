import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BridgeProvider } from '../lib/bridge-context';
import { createQueryClient } from '../lib/query-client';
import type { MockBridge } from '../lib/mock-bridge';

/** Renders a screen with a fresh QueryClient over the given mock bridge. */
export function renderWith(bridge: MockBridge, ui: ReactNode) {
  const qc = createQueryClient();
  return { qc, ...render(<BridgeProvider bridge={bridge}><QueryClientProvider client={qc}>{ui}</QueryClientProvider></BridgeProvider>) };
}
