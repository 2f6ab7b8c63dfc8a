import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LogLevel, LogRecord } from '../../../../../shared/model';
import { createMockBridge } from '../../../lib/mock-bridge';
import { renderWith } from '../../../test/render';
import { LogsView } from './logs-view';

const T = Date.now();
const rec = (level: LogLevel, msg: string, atMs = T): LogRecord => ({ atMs, level, msg, attrs: { module: 'checker', backend: 'web-a' } });

describe('LogsView', () => {
  it('shows recent records, appends pushed ones, and re-subscribes at a new level', async () => {
    const user = userEvent.setup();
    const bridge = createMockBridge({
      'logs:recent': ({ level }) => (level === 'error' ? [rec('error', 'probe crashed')] : [rec('info', 'backend up')]),
      'logs:subscribe': ({ level }) => ({ level }),
    });
    const { unmount } = renderWith(bridge, <LogsView site="lab" />);
    const list = await screen.findByRole('list', { name: 'Log records' });
    await within(list).findByText('backend up');
    expect(within(list).getByText('backend=web-a').tagName).toBe('CODE');
    act(() => bridge.emit('logs:appended', { site: 'other', records: [rec('info', 'not ours')] }));
    act(() => bridge.emit('logs:appended', { site: 'lab', records: [rec('warn', 'slow probe', T + 1)] }));
    expect(within(list).getByText('slow probe')).toBeTruthy();
    expect(within(list).queryByText('not ours')).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Log level' }), 'error');
    await within(list).findByText('probe crashed');
    expect(within(list).queryByText('backend up')).toBeNull();
    const subs = bridge.calls.filter((c) => c.op === 'logs:subscribe').map((c) => c.request);
    expect(subs).toEqual([{ site: 'lab', level: 'info' }, { site: 'lab', level: null }, { site: 'lab', level: 'error' }]);
    unmount();
    await waitFor(() => expect(bridge.calls.at(-1)).toEqual({ op: 'logs:subscribe', request: { site: 'lab', level: null } }));
  });

  it('follows the newest record, holds still while paused and catches up on resume', async () => {
    const user = userEvent.setup();
    const bridge = createMockBridge({ 'logs:recent': () => [], 'logs:subscribe': ({ level }) => ({ level }) });
    renderWith(bridge, <LogsView site="lab" />);
    const list = await screen.findByRole('list', { name: 'Log records' });
    await waitFor(() => expect(bridge.calls.some((c) => c.op === 'logs:recent')).toBe(true));
    Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 900 });
    act(() => bridge.emit('logs:appended', { site: 'lab', records: [rec('info', 'followed')] }));
    expect(list.scrollTop).toBe(900);
    await user.click(screen.getByRole('button', { name: 'Pause scrolling' }));
    list.scrollTop = 100;
    act(() => bridge.emit('logs:appended', { site: 'lab', records: [rec('info', 'while paused')] }));
    expect(within(list).queryByText('while paused')).toBeNull();
    expect(list.scrollTop).toBe(100);
    await user.click(screen.getByRole('button', { name: 'Resume scrolling' }));
    expect(within(list).getByText('while paused')).toBeTruthy();
  });

  it('reports a failing host call as one line', async () => {
    const bridge = createMockBridge({ 'logs:subscribe': ({ level }) => ({ level }) });
    renderWith(bridge, <LogsView site="lab" />);
    expect((await screen.findByRole('alert')).textContent).toBe('mock has no logs:recent');
  });
});
