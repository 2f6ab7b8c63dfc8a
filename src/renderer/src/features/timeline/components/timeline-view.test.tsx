import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockBridge } from '../../../lib/mock-bridge';
import { frontend } from '../../../test/fixtures';
import { renderWith } from '../../../test/render';
import { TimelineView } from './timeline-view';

const T = Date.now();
const transitions = [
  { backend: 'web-a', from: 'up' as const, to: 'down' as const, atMs: T - 1000, code: 'L7STS', detail: 'HTTP 503' },
  { backend: 'web-b', from: 'unknown' as const, to: 'up' as const, atMs: T - 2000, code: 'L7OK', detail: 'HTTP 200' },
  { backend: 'other', from: 'up' as const, to: 'down' as const, atMs: T - 3000, code: 'L4CON', detail: 'refused' },
];

describe('TimelineView', () => {
  it('lists transitions newest first, filters by state and VIP, and exports', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const bridge = createMockBridge({
      'transitions:range': () => transitions,
      'frontends:list': () => [frontend()],
      'transitions:export': (r) => ({ filename: `t.${r.format}`, mime: 'text/csv', content: 'time,backend' }),
    });
    renderWith(bridge, <TimelineView site="lab" />);
    const list = await screen.findByRole('table', { name: 'Transitions, newest first' });
    const rows = () => within(list).getAllByRole('row').slice(1).map((r) => r.textContent ?? '');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[0]).toContain('web-a');
    await userEvent.click(screen.getByRole('checkbox', { name: 'down' }));
    expect(rows()).toHaveLength(2);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'VIP' }), 'www');
    expect(rows()).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(bridge.calls.find((c) => c.op === 'transitions:export')?.request).toMatchObject({ format: 'csv', frontend: 'www', states: ['down'] }));
    await waitFor(() => expect(click).toHaveBeenCalled());
  });
});
