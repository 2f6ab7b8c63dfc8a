import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SiteSpec } from '../../../../../shared/model';
import { createMockBridge } from '../../../lib/mock-bridge';
import { site } from '../../../test/fixtures';
import { renderWith } from '../../../test/render';
import { SitesView } from './sites-view';

const info = { version: '0.1.0', readOnly: false, sitesPath: '/etc/maglev/sites.yaml', host: 'web' as const, user: 'ops' };

function bridgeWith(specs: { id: string; spec: SiteSpec }[]) {
  return createMockBridge({
    'app:info': () => info,
    'sites:specs': () => specs,
    'sites:add': ({ spec }) => site({ id: spec.name, name: spec.name, kind: spec.kind }),
    'sites:edit': ({ spec }) => site({ id: spec.name, name: spec.name }),
    'sites:remove': ({ site: id }) => ({ site: id }),
  });
}

describe('SitesView', () => {
  it('validates a new remote site inline and saves only a valid one', async () => {
    const user = userEvent.setup();
    const bridge = bridgeWith([{ id: 'lab', spec: { name: 'lab', kind: 'local', config: '/etc/maglev/lab.yaml' } }]);
    renderWith(bridge, <SitesView readOnly={false} />);
    expect(await screen.findByRole('cell', { name: '/etc/maglev/lab.yaml' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add site' }));
    const form = screen.getByRole('form', { name: 'Add site' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'edge');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kind' }), 'remote');
    await user.type(within(form).getByRole('textbox', { name: 'Address (host:port)' }), 'not an address');
    expect(within(form).getByRole('alert').textContent).toContain('host:port');
    const save = within(form).getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await user.clear(within(form).getByRole('textbox', { name: 'Address (host:port)' }));
    await user.type(within(form).getByRole('textbox', { name: 'Address (host:port)' }), '[[::1]:9090');
    expect(save.disabled).toBe(false);
    await user.click(save);
    await waitFor(() => expect(bridge.calls.some((c) => c.op === 'sites:add')).toBe(true));
    const add = bridge.calls.find((c) => c.op === 'sites:add');
    expect(add?.request).toEqual({ spec: { name: 'edge', kind: 'remote', address: '[::1]:9090', tls: null } });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Add site' })).toBeNull());
  });

  it('edits and removes an existing site after a confirm', async () => {
    const user = userEvent.setup();
    const bridge = bridgeWith([{ id: 'lab', spec: { name: 'lab', kind: 'local', config: '/etc/maglev/lab.yaml' } }]);
    renderWith(bridge, <SitesView readOnly={false} />);
    await user.click(await screen.findByRole('button', { name: 'Edit lab' }));
    const config = screen.getByRole('textbox', { name: 'Config file' });
    expect((config as HTMLInputElement).value).toBe('/etc/maglev/lab.yaml');
    await user.clear(config);
    expect(screen.getByRole('alert').textContent).toContain('config path is required');
    await user.type(config, '/srv/lab.yaml');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.calls.find((c) => c.op === 'sites:edit')?.request).toEqual({ site: 'lab', spec: { name: 'lab', kind: 'local', config: '/srv/lab.yaml' } }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(screen.getByRole('button', { name: 'Remove lab' }));
    expect(bridge.calls.some((c) => c.op === 'sites:remove')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Remove lab' }));
    await waitFor(() => expect(bridge.calls.find((c) => c.op === 'sites:remove')?.request).toEqual({ site: 'lab' }));
    expect(confirm.mock.calls[0]?.[0]).toContain('Remove site lab?');
    confirm.mockRestore();
  });

  it('hides every editing control in read-only mode', async () => {
    const bridge = bridgeWith([{ id: 'lab', spec: { name: 'lab', kind: 'local', config: '/etc/maglev/lab.yaml' } }]);
    renderWith(bridge, <SitesView readOnly />);
    expect(await screen.findByRole('cell', { name: 'lab' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add site' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit lab' })).toBeNull();
  });
});
