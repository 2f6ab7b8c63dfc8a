import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWith } from '../../../test/render';
import { LAB, editorBridge, typeYaml, yamlView, type Validation } from '../testing/editor-bridge';
import { ConfigEditor } from './config-editor';

const yaml = () => yamlView().state.doc.toString();
const describedBy = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;

async function open(validate?: (text: string) => Validation) {
  const world = editorBridge({ validate });
  renderWith(world.bridge, <ConfigEditor site="lab" readOnly={false} />);
  await screen.findByRole('region', { name: 'Frontend www' });
  return world;
}

describe('visual editor: fields', () => {
  it('disables a backend by writing enabled: false and enables it by removing the key', async () => {
    const user = userEvent.setup();
    const { edits } = await open();
    await user.click(screen.getByRole('checkbox', { name: 'b1 enabled' }));
    await waitFor(() => expect(yaml()).toMatch(/b1: \{ address: 10\.0\.0\.1, healthcheck: web, enabled: false \}/));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'b1 enabled' }) as HTMLInputElement).checked).toBe(false));
    await user.click(screen.getByRole('checkbox', { name: 'b1 enabled' }));
    await waitFor(() => expect(yaml()).not.toContain('enabled'));
    expect(edits()).toEqual([[{ op: 'set', path: ['maglev', 'backends', 'b1', 'enabled'], value: false }], [{ op: 'delete', path: ['maglev', 'backends', 'b1', 'enabled'] }]]);
  });

  it('edits a health check interval with its unit and rise, and refuses an impossible rise', async () => {
    const user = userEvent.setup();
    const { edits } = await open();
    const check = screen.getByRole('region', { name: 'Health check web' });
    const interval = within(check).getByRole('spinbutton', { name: 'Interval' }) as HTMLInputElement;
    expect(interval.value).toBe('2');
    expect((within(check).getByRole('combobox', { name: 'Interval unit' }) as HTMLSelectElement).value).toBe('s');
    await user.clear(interval);
    await user.type(interval, '500');
    fireEvent.change(within(check).getByRole('combobox', { name: 'Interval unit' }), { target: { value: 'ms' } });
    await waitFor(() => expect(yaml()).toContain('interval: 500ms'));
    await waitFor(() => expect(within(check).getByRole('spinbutton', { name: 'Fast interval' }).getAttribute('placeholder')).toBe('250'));
    expect((within(check).getByRole('combobox', { name: 'Fast interval unit' }) as HTMLSelectElement).value).toBe('ms');

    const rise = within(check).getByRole('spinbutton', { name: 'Rise' });
    await user.clear(rise);
    await user.type(rise, '0');
    expect(rise.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(rise)).toBe('must be a whole number from 1 to 1000');
    await user.clear(rise);
    await user.type(rise, '3');
    await user.tab();
    await waitFor(() => expect(yaml()).toContain('rise: 3'));
    expect(edits().flat()).not.toContainEqual(expect.objectContaining({ path: ['maglev', 'healthchecks', 'web', 'rise'], value: 0 }));
    expect(edits().flat()).toContainEqual({ op: 'set', path: ['maglev', 'healthchecks', 'web', 'rise'], value: 3 });
  });

  it('duplicates a frontend under the name the user gives', async () => {
    const user = userEvent.setup();
    const { edits } = await open();
    await user.click(screen.getByRole('button', { name: 'Duplicate frontend www' }));
    const name = screen.getByLabelText('Name of the copy of www');
    await user.clear(name);
    await user.type(name, 'www');
    expect(describedBy(name)).toBe('a frontend named www already exists');
    await user.type(name, '-v2{Enter}');
    expect(await screen.findByRole('region', { name: 'Frontend www-v2' })).toBeTruthy();
    expect(edits()).toEqual([[{ op: 'duplicate-frontend', frontend: 'www', as: 'www-v2' }]]);
  });

  it("shows the validator's message at its field and the rest in a list", async () => {
    const user = userEvent.setup();
    const bad: Validation = {
      ok: false,
      kind: 'semantic',
      issues: [
        { kind: 'semantic', path: 'maglev.backends.b1.address', line: 12, col: 20, message: 'address "bogus" is not an IP address (names are never resolved)' },
        { kind: 'semantic', path: 'maglev.frontends.www.pools[0].backends.b2.weight', line: 26, col: 27, message: 'weight 101 out of range (0-100)' },
        { kind: 'semantic', path: 'maglev.healthchecker.probe-ipv4-src', line: 2, col: 5, message: 'not an IPv4 address' },
      ],
      warnings: [],
      legacy: false,
    };
    await open((t) => (t.includes('bogus') ? bad : { ok: true, kind: 'ok', issues: [], warnings: [], legacy: false }));
    const address = screen.getByRole('textbox', { name: 'Address of b1' });
    await user.clear(address);
    await user.type(address, 'bogus');
    await waitFor(() => expect(address.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(address)).toBe('address "bogus" is not an IP address (names are never resolved)');
    const weight = within(screen.getByRole('region', { name: 'Pool primary of www' })).getByRole('slider', { name: 'Weight of b2' });
    expect(weight.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(weight)).toBe('weight 101 out of range (0-100)');
    expect(within(screen.getByRole('list', { name: 'Problems not at a field' })).getByText(/not an IPv4 address/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps one history across both views: toolbar, Ctrl+Z in the YAML and Ctrl+Z in the visual view', async () => {
    const user = userEvent.setup();
    await open();
    fireEvent.change(screen.getByRole('slider', { name: 'Weight of b2' }), { target: { value: '10' } });
    await waitFor(() => expect(yaml()).toContain('weight: 10'));
    typeYaml(yaml().replace('# lab site', '# lab site, edited'));
    await waitFor(() => expect((screen.getByRole('slider', { name: 'Weight of b2' }) as HTMLInputElement).value).toBe('10'));

    fireEvent.keyDown(yamlView().contentDOM, { key: 'z', ctrlKey: true });
    expect(yaml()).not.toContain('edited');
    expect(yaml()).toContain('weight: 10');
    fireEvent.keyDown(screen.getByRole('button', { name: 'Add backend' }), { key: 'z', ctrlKey: true });
    expect(yaml()).toBe(LAB);
    await waitFor(() => expect((screen.getByRole('slider', { name: 'Weight of b2' }) as HTMLInputElement).value).toBe('50'));
    expect((screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    fireEvent.keyDown(yamlView().contentDOM, { key: 'y', ctrlKey: true });
    expect(yaml()).toContain('edited');
    expect(yaml()).toContain('weight: 10');
  });

  it('locks the visual view with the parse error while the YAML does not parse', async () => {
    await open();
    typeYaml(LAB.replace('  backends:\n    b1', '  backends: [\n    b1'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/The YAML does not parse \(line \d+:\d+/);
    expect((screen.getByRole('textbox', { name: 'Address of b1' }) as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Remove backend b1' })).toBeNull();
  });
});
