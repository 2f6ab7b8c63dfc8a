import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary';

describe('ErrorBoundary', () => {
  it('shows a one-line failure without a stack and retries', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let broken = true;
    function View() {
      if (broken) throw new Error('cannot read the chart data');
      return <p>chart</p>;
    }
    render(
      <ErrorBoundary>
        <View />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('cannot read the chart data');
    expect(alert.textContent).not.toMatch(/\bat \w+ \(|\.tsx:\d+/);
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('chart')).toBeTruthy();
    vi.restoreAllMocks();
  });
});
