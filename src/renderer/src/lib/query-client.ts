import { QueryClient } from '@tanstack/react-query';
import { BridgeError } from './bridge';

/** Creates the app's QueryClient: pushed data stays fresh, host errors are not retried blindly. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof BridgeError && error.code !== 'UNAVAILABLE') && count < 3,
      },
      mutations: { retry: false },
    },
  });
}
