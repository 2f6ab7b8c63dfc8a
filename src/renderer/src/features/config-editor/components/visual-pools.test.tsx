import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWith } from '../../../test/render';
import { LAB, drag, editorBridge, typeYaml, yamlView } from '../testing/editor-bridge';
import { ConfigEditor } from './config-editor';

async function open() {
  const world = editorBridge();
  renderWith(world.bridge, <ConfigEditor site="lab" readOnly={false} />);
  const primary = await screen.findByRole('region', { name: 'Pool primary of www' });
  return { ...world, primary, standby: screen.getByRole('region', { name: 'Pool standby of www' }) };
}
const yaml = () => yamlView().state.doc.toString();
const member = (pool: HTMLElement, b: string) => within(pool).getByRole('group', { name: new RegExp(`^Member ${b} of`) });

describe('visual editor: pools and members', () => {
  it('sends a slider move as set-weight, shows it in both views, and undoes a whole drag in one step', async () => {
    const user = userEvent.setup();
    const { primary, edits } = await open();
    const slider = within(primary).getByRole('slider', { name: 'Weight of b2' }) as HTMLInputElement;
    expect(slider.value).toBe('50');
    fireEvent.change(slider, { target: { value: '40' } });
    await waitFor(() => expect(edits()).toContainEqual([{ op: 'set-weight', frontend: 'www', pool: 'primary', backend: 'b2', weight: 40 }]));
    await waitFor(() => expect(yaml()).toContain('b2: { weight: 40 }'));
    expect((within(primary).getByRole('spinbutton', { name: 'Weight of b2, number' }) as HTMLInputElement).value).toBe('40');

    for (const w of ['30', '20']) {
      fireEvent.change(slider, { target: { value: w } });
      await waitFor(() => expect(yaml()).toContain(`b2: { weight: ${w} }`));
    }
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(yaml()).toContain('b2: { weight: 50 }');
    await waitFor(() => expect(slider.value).toBe('50'));
  });

  it('moves a member to another pool by drag and drop, and by the "Move to pool" menu', async () => {
    const { primary, standby, edits } = await open();
    drag(member(primary, 'b1'), standby);
    await waitFor(() => expect(edits()).toContainEqual([{ op: 'move-member', frontend: 'www', from: 'primary', to: 'standby', backend: 'b1' }]));
    await waitFor(() => expect(member(screen.getByRole('region', { name: 'Pool standby of www' }), 'b1')).toBeTruthy());

    const p = screen.getByRole('region', { name: 'Pool primary of www' });
    fireEvent.change(within(p).getByRole('combobox', { name: 'Move b2 to pool' }), { target: { value: 'standby' } });
    await waitFor(() => expect(edits()).toContainEqual([{ op: 'move-member', frontend: 'www', from: 'primary', to: 'standby', backend: 'b2' }]));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Pool standby of www' })).getAllByRole('group').map((g) => g.getAttribute('aria-label'))).toEqual(['Member b3 of pool standby', 'Member b1 of pool standby', 'Member b2 of pool standby']));
    expect(document.activeElement).toBe(within(screen.getByRole('region', { name: 'Pool standby of www' })).getByRole('combobox', { name: 'Move b2 to pool' }));
  });

  it('reorders a member within its pool by dropping it on another member', async () => {
    const { primary, edits } = await open();
    drag(member(primary, 'b2'), member(primary, 'b1'));
    await waitFor(() => expect(edits()).toContainEqual([{ op: 'move-member', frontend: 'www', from: 'primary', to: 'primary', backend: 'b2', index: 0 }]));
  });

  it('reorders pools with the arrow buttons and by dragging a pool', async () => {
    const user = userEvent.setup();
    const { standby, edits } = await open();
    await user.click(within(standby).getByRole('button', { name: 'Move pool standby up' }));
    await waitFor(() => expect(edits()).toContainEqual([{ op: 'move-pool', frontend: 'www', pool: 'standby', index: 0 }]));
    const names = () => within(screen.getByRole('region', { name: 'Frontend www' })).getAllByRole('region').map((r) => r.getAttribute('aria-label'));
    await waitFor(() => expect(names()).toEqual(['Pool standby of www', 'Pool primary of www']));
    // The keyboard user stays on the moved pool's arrows.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Move pool standby down'));

    const primary = screen.getByRole('region', { name: 'Pool primary of www' });
    drag(primary.querySelector('.ve-grip[draggable]')!, screen.getByRole('region', { name: 'Pool standby of www' }));
    await waitFor(() => expect(edits()).toContainEqual([{ op: 'move-pool', frontend: 'www', pool: 'primary', index: 0 }]));
    await waitFor(() => expect(names()).toEqual(['Pool primary of www', 'Pool standby of www']));
  });

  it('adds a backend and puts it into a pool with one config:edit', async () => {
    const user = userEvent.setup();
    const { edits } = await open();
    await user.click(screen.getByRole('button', { name: 'Add backend' }));
    const form = screen.getByRole('form', { name: 'Add backend' });
    await user.type(within(form).getByLabelText('Name'), 'b4');
    await user.type(within(form).getByLabelText('Address'), '10.0.0.4');
    await user.selectOptions(within(form).getByLabelText('Put into pool'), 'www / primary');
    await user.clear(within(form).getByLabelText('Weight'));
    await user.type(within(form).getByLabelText('Weight'), '30');
    await user.click(within(form).getByRole('button', { name: 'Add backend' }));
    await waitFor(() => expect(member(screen.getByRole('region', { name: 'Pool primary of www' }), 'b4')).toBeTruthy());
    expect(edits()).toEqual([
      [
        { op: 'add-backend', name: 'b4', address: '10.0.0.4', healthcheck: 'web' },
        { op: 'add-member', frontend: 'www', pool: 'primary', backend: 'b4', weight: 30 },
      ],
    ]);
    expect(yaml()).toContain('b4:');
  });

  it('refuses an IPv6 backend in the IPv4 frontend: on drop, in the add form and in the add-member list', async () => {
    const user = userEvent.setup();
    const { primary, edits } = await open();
    const row = within(screen.getByRole('table', { name: 'Backends of the file' })).getByText('v6').closest('tr')!;
    drag(row, primary);
    expect((await screen.findByRole('alert')).textContent).toContain("v6 is IPv6 (2001:db8::1) but frontend www is IPv4: one frontend's backends must all be one family");
    expect(edits()).toEqual([]);

    const option = within(within(primary).getByRole('combobox', { name: 'Backend to add to pool primary' })).getByRole('option', { name: /v6/ }) as HTMLOptionElement;
    expect(option.disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Add backend' }));
    const form = screen.getByRole('form', { name: 'Add backend' });
    await user.type(within(form).getByLabelText('Name'), 'v6b');
    await user.selectOptions(within(form).getByLabelText('Put into pool'), 'www / standby');
    await user.type(within(form).getByLabelText('Address'), '2001:db8::9');
    const address = within(form).getByLabelText('Address');
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(address.getAttribute('aria-describedby')!)!.textContent).toContain('IPv6 address, but frontend www is IPv4');
    expect((within(form).getByRole('button', { name: 'Add backend' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('flags a member whose backend changes to the other family at once', async () => {
    const { primary } = await open();
    typeYaml(LAB.replace('b1: { address: 10.0.0.1', 'b1: { address: "2001:db8::5"'));
    await waitFor(() => expect(member(primary, 'b1').getAttribute('aria-invalid')).toBe('true'));
    const b1 = member(screen.getByRole('region', { name: 'Pool primary of www' }), 'b1');
    expect(document.getElementById(b1.getAttribute('aria-describedby')!)!.textContent).toContain('b1 is IPv6 (2001:db8::5) but frontend www is IPv4');
  });
});
