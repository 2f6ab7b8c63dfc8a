import { act, renderHook } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { BackendRow, FrontendInfo, TransitionRecord } from '../../../shared/model';
import { backend, frontend, site } from '../test/fixtures';
import type { BridgeConnection } from './bridge';
import { BridgeProvider } from './bridge-context';
import { createMockBridge } from './mock-bridge';
import { createQueryClient } from './query-client';
import { siteKeys } from './query-keys';
import { applyHealthBatch, useLiveUpdates } from './subscriptions';

const tr = (b: string, atMs: number): TransitionRecord => ({ backend: b, from: 'up', to: 'down', atMs, code: 'L7STS', detail: 'HTTP 503' });
const batch = (over: object) => ({ site: 'lab', backends: [], frontends: [], transitions: [], resync: false, ...over });

describe('applyHealthBatch', () => {
  it('replaces pushed rows in place, keeps the others by identity, and prepends transitions newest first', () => {
    const qc = createQueryClient();
    const a = backend('web-a');
    const b = backend('web-b');
    qc.setQueryData(siteKeys.backends('lab'), [a, b]);
    qc.setQueryData(siteKeys.frontends('lab'), [frontend()]);
    qc.setQueryData(siteKeys.transitions('lab'), [tr('web-a', 1)]);
    applyHealthBatch(qc, batch({ backends: [backend('web-b', { state: 'down' })], frontends: [{ ...frontend(), state: 'down' }], transitions: [tr('web-b', 2), tr('web-b', 3)] }));
    const rows = qc.getQueryData<BackendRow[]>(siteKeys.backends('lab'))!;
    expect(rows[0]).toBe(a);
    expect(rows[1]!.state).toBe('down');
    expect(qc.getQueryData<FrontendInfo[]>(siteKeys.frontends('lab'))![0]!.state).toBe('down');
    expect(qc.getQueryData<TransitionRecord[]>(siteKeys.transitions('lab'))!.map((t) => t.atMs)).toEqual([3, 2, 1]);
  });

  it('leaves lists nobody loaded alone and invalidates the whole site on resync', async () => {
    const qc = createQueryClient();
    applyHealthBatch(qc, batch({ backends: [backend('x')] }));
    expect(qc.getQueryData(siteKeys.backends('lab'))).toBeUndefined();
    qc.setQueryData(siteKeys.backends('lab'), [backend('x')]);
    qc.setQueryData(siteKeys.backends('other'), [backend('y')]);
    applyHealthBatch(qc, batch({ resync: true }));
    expect(qc.getQueryState(siteKeys.backends('lab'))!.isInvalidated).toBe(true);
    expect(qc.getQueryState(siteKeys.backends('other'))!.isInvalidated).toBe(false);
  });
});

describe('useLiveUpdates', () => {
  it('puts pushed site summaries in the cache and refetches everything after a reconnect only', () => {
    const qc = createQueryClient();
    const bridge = createMockBridge({});
    let setConn: (s: BridgeConnection) => void = () => {};
    bridge.onConnection = (l) => {
      setConn = l;
      l('open');
      return () => {};
    };
    const invalidate = vi.spyOn(qc, 'invalidateQueries');
    const wrapper = ({ children }: { children: ReactNode }) => (
      <BridgeProvider bridge={bridge}>
        <QueryClientProvider client={qc}>{children}</QueryClientProvider>
      </BridgeProvider>
    );
    renderHook(() => useLiveUpdates(), { wrapper });
    act(() => bridge.emit('sites:changed', [site({ name: 'Pushed' })]));
    expect(qc.getQueryData<{ name: string }[]>(siteKeys.list())![0]!.name).toBe('Pushed');
    expect(invalidate).not.toHaveBeenCalled();
    act(() => setConn('closed'));
    act(() => setConn('connecting'));
    act(() => setConn('open'));
    expect(invalidate).toHaveBeenCalledTimes(1);
  });
});
