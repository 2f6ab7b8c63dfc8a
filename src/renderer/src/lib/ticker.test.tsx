import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Age } from '../components/age';
import { createTicker, TickerProvider } from './ticker';

afterEach(() => vi.useRealTimers());

describe('createTicker', () => {
  it('ticks only while someone listens and keeps now() stable between ticks', () => {
    vi.useFakeTimers();
    let t = 1000;
    const ticker = createTicker(1000, () => t);
    const listener = vi.fn();
    const off = ticker.subscribe(listener);
    t = 1500;
    expect(ticker.now()).toBe(1000);
    vi.advanceTimersByTime(1000);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ticker.now()).toBe(1500);
    off();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('Age', () => {
  it('shows the age and follows the clock', () => {
    vi.useFakeTimers({ now: 100_000 });
    render(
      <TickerProvider>
        <p>
          <Age atMs={95_000} />
        </p>
      </TickerProvider>,
    );
    expect(screen.getByText('5s')).toBeTruthy();
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText('1m')).toBeTruthy();
  });
});
