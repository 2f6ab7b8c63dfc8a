import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import type { ConfigDiff } from '../../../../../shared/model';
import { createMockBridge } from '../../../lib/mock-bridge';
import { renderWith } from '../../../test/render';
import { ConfigEditor } from './config-editor';
import { issuesToDiagnostics } from './use-code-mirror';

// CodeMirror measures text ranges; jsdom has no layout, so empty geometry is the honest answer.
Range.prototype.getClientRects ??= () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

const TEXT = 'maglev:\n  backends:\n    web-a: { address: 10.0.0.1 }\n';
const BAD_LINE = 3;
const diff = (over: Partial<ConfigDiff['backends']> = {}): ConfigDiff => ({
  backends: { added: [], removed: [], restarted: [], unchanged: ['web-a'], ...over },
  frontends: { added: [], removed: [], changed: [{ name: 'www', changes: ['pool primary: web-b weight 100 → 50'], weightOnly: true }], unchanged: [] },
  healthchecks: { added: [], removed: [], changed: [] },
  emptiedPools: [],
});
const valid = { ok: true, kind: 'ok' as const, issues: [], warnings: [], legacy: false };
const invalid = {
  ok: false,
  kind: 'semantic' as const,
  issues: [{ kind: 'semantic' as const, path: 'maglev.backends.web-a.address', line: BAD_LINE, col: 5, message: 'not an IP address' }],
  warnings: [],
  legacy: false,
};

function bridge() {
  return createMockBridge({
    'config:read': () => ({ path: '/etc/maglev/lab.yaml', text: TEXT, editable: true, legacy: false }),
    'config:validate': ({ text }) => (text.includes('bogus') ? invalid : valid),
    'config:diff': ({ text }) => (text.includes('bogus') ? { validation: invalid, diff: null } : { validation: valid, diff: diff({ added: ['web-z'] }) }),
    'config:apply': () => ({ diff: diff({ added: ['web-z'] }), elapsedMs: 12.4, savedTo: '/etc/maglev/lab.yaml' }),
    'config:check': () => ({ ok: false, parseError: '', semanticError: 'backend web-q: unknown healthcheck' }),
  });
}

/** Replaces the whole document the way a user's edit would arrive. */
function edit(text: string) {
  const dom = document.querySelector('.cm-editor') as HTMLElement;
  const view = EditorView.findFromDOM(dom);
  if (!view) throw new Error('no editor');
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
}

describe('issuesToDiagnostics', () => {
  it('maps 1-based line:col to offsets and clamps past the end', () => {
    const state = EditorState.create({ doc: TEXT });
    const [d, far] = issuesToDiagnostics(state, [invalid.issues[0]!, { ...invalid.issues[0]!, line: 99, col: 99 }]);
    expect(d!.from).toBe(state.doc.line(BAD_LINE).from + 4);
    expect(state.sliceDoc(d!.from, d!.to)).toBe('web-a:');
    expect(d!.severity).toBe('error');
    expect(far!.from).toBeLessThanOrEqual(state.doc.length);
  });
});

describe('ConfigEditor', () => {
  it('refuses Apply while the validator reports an error, then diffs and applies a valid edit', async () => {
    const user = userEvent.setup();
    const b = bridge();
    renderWith(b, <ConfigEditor site="lab" readOnly={false} />);
    await screen.findByText('/etc/maglev/lab.yaml');
    const apply = screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);

    edit(TEXT.replace('10.0.0.1', 'bogus'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('1 problem'));
    expect(within(screen.getByRole('list', { name: 'Config problems' })).getByText(/not an IP address/).textContent).toContain(`${BAD_LINE}:5`);
    expect(apply.disabled).toBe(true);

    edit(TEXT.replace('    web-a', '    web-z: { address: 10.0.0.9 }\n    web-a'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Valid'));
    await user.click(screen.getByRole('button', { name: 'Validate & diff' }));
    const plan = await screen.findByRole('region', { name: 'What Apply will do' });
    expect(within(plan).getByText('web-z')).toBeTruthy();
    expect(within(plan).getByText('pool primary: web-b weight 100 → 50')).toBeTruthy();

    expect(apply.disabled).toBe(false);
    await user.click(apply);
    expect(await screen.findByText('Applied and reloaded in 12 ms.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'What changed' })).getByText('web-z')).toBeTruthy();
    expect(b.calls.find((c) => c.op === 'config:apply')?.request).toEqual({ site: 'lab', text: expect.stringContaining('web-z') });
    expect(apply.disabled).toBe(true);
  });

  it('explains a remote site and checks its config on the daemon', async () => {
    const user = userEvent.setup();
    const b = createMockBridge({
      'config:read': () => ({ path: '', text: 'The config lives on the daemon host.', editable: false, legacy: false }),
      'config:check': () => ({ ok: false, parseError: '', semanticError: 'backend web-q: unknown healthcheck' }),
    });
    renderWith(b, <ConfigEditor site="edge" readOnly={false} />);
    expect(await screen.findByText('The config lives on the daemon host.')).toBeTruthy();
    expect(document.querySelector('.cm-editor')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Check on daemon' }));
    expect((await screen.findByRole('status')).textContent).toBe('backend web-q: unknown healthcheck');
  });
});

describe('DiffPanel warnings', () => {
  it('warns when many backends restart or a pool empties', async () => {
    const { DiffPanel } = await import('./diff-panel');
    const b = createMockBridge({});
    renderWith(b, <DiffPanel title="Plan" diff={{ ...diff({ restarted: ['a', 'b', 'c', 'd', 'e'] }), emptiedPools: [{ frontend: 'www', pool: 'primary' }] }} />);
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual(['5 backends will restart their checks (state goes to unknown until they pass again).', 'Pool primary of www is left with no enabled backend.']);
  });
});
