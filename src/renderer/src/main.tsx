import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/app';
import { pickBridge } from './lib/bridge';
import { BridgeProvider } from './lib/bridge-context';
import { createQueryClient } from './lib/query-client';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  const bridge = pickBridge(window);
  createRoot(root).render(
    <StrictMode>
      <BridgeProvider bridge={bridge}>
        <QueryClientProvider client={createQueryClient()}>
          <App />
        </QueryClientProvider>
      </BridgeProvider>
    </StrictMode>,
  );
}
