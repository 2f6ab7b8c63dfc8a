import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TransitionRecord } from '../../../../../shared/model';
import { formatTime } from '../../../components/format';
import { stripRange, TimeStrip } from './time-strip';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const tr = (atMs: number): TransitionRecord => ({
  backend: 'web-a',
  from: 'up',
  to: 'down',
  atMs,
  code: 'L4CON',
  detail: 'refused',
});

describe('stripRange', () => {
  it('spans at least a minute and reaches back to the oldest transition', () => {
    expect(stripRange([], NOW)).toEqual([NOW - 60_000, NOW]);
    expect(stripRange([tr(NOW - 1000)], NOW)).toEqual([NOW - 60_000, NOW]);
    expect(stripRange([tr(NOW - 1000), tr(NOW - 600_000)], NOW)).toEqual([NOW - 600_000, NOW]);
  });
});

describe('TimeStrip', () => {
  it('labels its axis from the oldest transition to now', () => {
    const { container } = render(<TimeStrip items={[tr(NOW - 600_000)]} nowMs={NOW} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      `1 transition between ${formatTime(NOW - 600_000)} and now`,
    );
    const labels = [...container.querySelectorAll('.time-strip-axis span')].map((s) => s.textContent);
    expect(labels).toEqual([formatTime(NOW - 600_000), formatTime(NOW - 300_000), 'now']);
  });
});
