import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTheme } from './theme';

/** A matchMedia whose answer the test flips. */
function fakeMedia(light: boolean) {
  const listeners = new Set<() => void>();
  const mq = {
    matches: light,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  vi.spyOn(window, 'matchMedia').mockImplementation(() => mq as unknown as MediaQueryList);
  return (next: boolean) => {
    mq.matches = next;
    listeners.forEach((l) => l());
  };
}

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('useTheme', () => {
  it('follows the OS until the user toggles, then keeps the choice', () => {
    const osSwitch = fakeMedia(false);
    const { result } = renderHook(() => useTheme());
    expect(result.current[0]).toBe('dark');
    act(() => osSwitch(true));
    expect(result.current[0]).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    act(() => result.current[1]());
    expect(result.current[0]).toBe('dark');
    expect(localStorage.getItem('maglev-monitor.theme')).toBe('dark');
    act(() => osSwitch(true));
    expect(result.current[0]).toBe('dark');
  });
});
