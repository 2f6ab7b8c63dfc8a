import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { createMockBridge } from '../../../lib/mock-bridge';
import { renderWith } from '../../../test/render';
import { LAB, editorBridge, makeDiff, typeYaml, type Validation } from '../testing/editor-bridge';
import { ConfigEditor } from './config-editor';
import { issuesToDiagnostics } from './use-code-mirror';

const BAD_LINE = 12;
const invalid: Validation = {
  ok: false,
  kind: 'semantic',
  issues: [{ kind: 'semantic', path: 'maglev.backends.b1.address', line: BAD_LINE, col: 20, message: 'address "bogus" is not an IP address (names are never resolved)' }],
  warnings: [],
  legacy: false,
};
const validate = (text: string) => (text.includes('bogus') ? invalid : undefined)!;

describe('issuesToDiagnostics', () => {
  it('maps 1-based line:col to offsets and clamps past the end', () => {
    const state = EditorState.create({ doc: LAB });
    const [d, far] = issuesToDiagnostics(state, [invalid.issues[0]!, { ...invalid.issues[0]!, line: 99, col: 99 }]);
    expect(d!.from).toBe(state.doc.line(BAD_LINE).from + 19);
    expect(state.sliceDoc(d!.from, d!.to)).toBe('10.0.0.1,');
    expect(d!.severity).toBe('error');
    expect(far!.from).toBeLessThanOrEqual(state.doc.length);
  });
});

describe('ConfigEditor', () => {
  it('refuses Apply while the validator reports an error, then diffs and applies a valid edit', async () => {
    const user = userEvent.setup();
    const { bridge } = editorBridge({ validate, diff: () => makeDiff({ added: ['web-z'] }) });
    renderWith(bridge, <ConfigEditor site="lab" readOnly={false} />);
    await screen.findByText('/etc/maglev/lab.yaml');
    const apply = screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);

    typeYaml(LAB.replace('10.0.0.1', 'bogus'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('1 problem'));
    expect(within(screen.getByRole('list', { name: 'Config problems' })).getByText(/not an IP address/).textContent).toContain(`${BAD_LINE}:20`);
    expect(apply.disabled).toBe(true);

    typeYaml(LAB.replace('    b1:', '    web-z: { address: 10.0.0.9, healthcheck: web }\n    b1:'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Valid'));
    await user.click(screen.getByRole('button', { name: 'Validate & diff' }));
    const plan = await screen.findByRole('region', { name: 'What Apply will do' });
    expect(within(plan).getByText('web-z')).toBeTruthy();
    expect(within(plan).getByText('pool primary: b2 weight 50 → 40')).toBeTruthy();

    expect(apply.disabled).toBe(false);
    await user.click(apply);
    expect(await screen.findByText(/Applied and reloaded in 12 ms/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'What changed' })).getByText('web-z')).toBeTruthy();
    expect(bridge.calls.find((c) => c.op === 'config:apply')?.request).toEqual({ site: 'lab', text: expect.stringContaining('web-z') });
    await waitFor(() => expect(apply.disabled).toBe(true));
    expect(screen.queryByText('modified')).toBeNull();
  });

  it('shows a local file read-only in a read-only session: no edits, no undo, no Apply', async () => {
    const { bridge } = editorBridge({ runtime: { 'www/primary/b1': 40 } });
    renderWith(bridge, <ConfigEditor site="lab" readOnly />);
    const pool = await screen.findByRole('region', { name: 'Pool primary of www' });
    expect((within(pool).getByRole('slider', { name: 'Weight of b2' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Address of b1' }) as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Add backend' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
    // The drift is still shown, without the actions that would change anything.
    expect((await within(pool).findByRole('note')).textContent).toBe('runtime 40 · file 100');
    expect(within(pool).queryByRole('button', { name: /Write runtime weight/ })).toBeNull();
  });

  it('shows a remote site read-only: the note, its running structure, and the daemon checks', async () => {
    const user = userEvent.setup();
    const b = createMockBridge({
      'config:read': () => ({ path: '', text: 'The config lives on the daemon host.', editable: false, legacy: false }),
      'config:check': () => ({ ok: false, parseError: '', semanticError: 'backend web-q: unknown healthcheck' }),
      'frontends:list': () => [],
      'backends:list': () => [{ name: 'web-q', address: '10.0.0.7', state: 'up', enabled: true, healthcheck: 'web', transitions: [], lastProbe: null, probing: false }],
      'healthchecks:list': () => [],
    });
    renderWith(b, <ConfigEditor site="edge" readOnly={false} />);
    expect(await screen.findByText('The config lives on the daemon host.')).toBeTruthy();
    expect(document.querySelector('.cm-editor')).toBeNull();
    const address = await screen.findByRole('textbox', { name: 'Address of web-q' });
    expect((address as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Remove backend web-q' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Check on daemon' }));
    expect((await screen.findByRole('status')).textContent).toBe('backend web-q: unknown healthcheck');
  });
});
