import { act, renderHook } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { BackendRow, TransitionRecord } from '../../../shared/model';
import { backend, frontend, site } from '../test/fixtures';
import type { BridgeConnection } from './bridge';
import { BridgeProvider } from './bridge-context';
import { createMockBridge } from './mock-bridge';
import { createQueryClient } from './query-client';
import { siteKeys } from './query-keys';
import { applyHealthBatch, useLiveUpdates } from './subscriptions';

const batch = (over: Partial<Parameters<typeof applyHealthBatch>[1]> = {}) => ({ site: 'lab', backends: [], frontends: [], transitions: [], resync: false, ...over });
const tr = (backendName: string, atMs: number): TransitionRecord => ({ backend: backendName, from: 'up', to: 'down', atMs, code: 'L4CON', detail: 'refused' });

describe('applyHealthBatch', () => {
  it('replaces pushed rows by name, keeps the others and their order', () => {
    const qc = createQueryClient();
    qc.setQueryData(siteKeys.backends('lab'), [backend('web-a'), backend('web-b')]);
    applyHealthBatch(qc, batch({ backends: [backend('web-b', { state: 'down' })] }));
    const rows = qc.getQueryData<BackendRow[]>(siteKeys.backends('lab'))!;
    expect(rows.map((r) => [r.name, r.state])).toEqual([['web-a', 'up'], ['web-b', 'down']]);
    applyHealthBatch(qc, batch({ site: 'other', backends: [backend('web-a', { state: 'down' })] }));
    expect(qc.getQueryData<BackendRow[]>(siteKeys.backends('lab'))![0]!.state).toBe('up');
  });

  it('keeps unchanged rows by identity, so memoised table rows skip them', () => {
    const qc = createQueryClient();
    const a = backend('web-a');
    qc.setQueryData(siteKeys.backends('lab'), [a, backend('web-b')]);
    applyHealthBatch(qc, batch({ backends: [backend('web-b', { state: 'down' })] }));
    expect(qc.getQueryData<BackendRow[]>(siteKeys.backends('lab'))![0]).toBe(a);
  });

  it('prepends new transitions newest first and leaves unloaded lists unloaded', () => {
    const qc = createQueryClient();
    applyHealthBatch(qc, batch({ transitions: [tr('x', 1)] }));
    expect(qc.getQueryData(siteKeys.transitions('lab'))).toBeUndefined();
    qc.setQueryData(siteKeys.transitions('lab'), [tr('old', 10)]);
    applyHealthBatch(qc, batch({ transitions: [tr('a', 20), tr('b', 30)] }));
    expect(qc.getQueryData<TransitionRecord[]>(siteKeys.transitions('lab'))!.map((t) => t.backend)).toEqual(['b', 'a', 'old']);
  });

  it('marks only the resynced site stale', () => {
    const qc = createQueryClient();
    qc.setQueryData(siteKeys.frontends('lab'), [frontend()]);
    qc.setQueryData(siteKeys.frontends('other'), [frontend()]);
    applyHealthBatch(qc, batch({ resync: true }));
    expect(qc.getQueryState(siteKeys.frontends('lab'))!.isInvalidated).toBe(true);
    expect(qc.getQueryState(siteKeys.frontends('other'))!.isInvalidated).toBe(false);
  });
});

describe('useLiveUpdates', () => {
  it('feeds pushed events into the cache and stops on unmount', () => {
    const bridge = createMockBridge({});
    const qc = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <BridgeProvider bridge={bridge}>
        <QueryClientProvider client={qc}>{children}</QueryClientProvider>
      </BridgeProvider>
    );
    qc.setQueryData(siteKeys.backends('lab'), [backend('web-a')]);
    const { unmount } = renderHook(() => useLiveUpdates(), { wrapper });
    bridge.emit('sites:changed', [site({ state: 'connecting' })]);
    expect(qc.getQueryData(siteKeys.list())).toEqual([site({ state: 'connecting' })]);
    bridge.emit('health:changed', batch({ backends: [backend('web-a', { state: 'down' })] }));
    expect(qc.getQueryData<BackendRow[]>(siteKeys.backends('lab'))![0]!.state).toBe('down');
    unmount();
    bridge.emit('health:changed', batch({ backends: [backend('web-a', { state: 'up' })] }));
    expect(qc.getQueryData<BackendRow[]>(siteKeys.backends('lab'))![0]!.state).toBe('down');
  });
});

describe('useLiveUpdates and the connection', () => {
  it('refetches everything after a reconnect, but not on the first open', () => {
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
    expect(invalidate).not.toHaveBeenCalled();
    act(() => setConn('closed'));
    act(() => setConn('connecting'));
    act(() => setConn('open'));
    expect(invalidate).toHaveBeenCalledTimes(1);
  });
});
