import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConfigHistoryEntry } from '../../../../../shared/model';
import { applyHealthBatch } from '../../../lib/subscriptions';
import { renderWith } from '../../../test/render';
import { LAB, editorBridge, makeDiff, runtimeOf, typeYaml, yamlView } from '../testing/editor-bridge';
import { ConfigEditor } from './config-editor';

const yaml = () => yamlView().state.doc.toString();
const b1 = () => within(screen.getByRole('region', { name: 'Pool primary of www' })).getByRole('group', { name: 'Member b1 of pool primary' });

describe('runtime weight versus the file', () => {
  it('marks a weight changed at run time, follows pushed updates, and writes it to the file when the draft is clean', async () => {
    const user = userEvent.setup();
    const world = editorBridge({ runtime: { 'www/primary/b1': 40 } });
    const { qc } = renderWith(world.bridge, <ConfigEditor site="lab" readOnly={false} />);
    expect((await within(await screen.findByRole('region', { name: 'Pool primary of www' })).findByRole('note')).textContent).toBe('runtime 40 · file 100');

    const pushed = runtimeOf(LAB, { 'www/primary/b1': 70 });
    act(() => applyHealthBatch(qc, { site: 'lab', backends: [], frontends: pushed, transitions: [], resync: false }));
    await waitFor(() => expect(within(b1()).getByRole('note').textContent).toBe('runtime 70 · file 100'));

    await user.click(within(b1()).getByRole('button', { name: 'Write runtime weight 70 of b1 to the file' }));
    await screen.findByText(/Wrote weight 70 of b1 in www \/ primary into the file and reloaded in 12 ms/);
    expect(world.bridge.calls.find((c) => c.op === 'config:edit')?.request).toEqual({ text: LAB, edits: [{ op: 'set-weight', frontend: 'www', pool: 'primary', backend: 'b1', weight: 70 }] });
    expect(world.file.text).toContain('# lab site: comments must survive');
    expect(world.file.text).toMatch(/b1: \{ weight: 70 \}|b1:\s*weight: 70/);
    expect(yaml()).toBe(world.file.text);
    expect(screen.queryByText('modified')).toBeNull();
  });

  it('writes into the draft (and says so) when the draft has unapplied changes', async () => {
    const user = userEvent.setup();
    const world = editorBridge({ runtime: { 'www/primary/b1': 40 } });
    renderWith(world.bridge, <ConfigEditor site="lab" readOnly={false} />);
    await waitFor(() => expect(within(b1()).getByRole('note')).toBeTruthy());
    typeYaml(LAB.replace('rise: 2', 'rise: 3'));
    await user.click(within(b1()).getByRole('button', { name: 'Write runtime weight 40 of b1 to the file' }));
    await screen.findByText(/into the draft — not saved yet: Apply saves it with your other changes/);
    expect(yaml()).toContain('rise: 3');
    expect(yaml()).toMatch(/b1: \{ weight: 40 \}/);
    expect(world.bridge.calls.some((c) => c.op === 'config:apply')).toBe(false);
    // The file still says 100, so the marker stays until Apply.
    expect(within(b1()).getByRole('note').textContent).toBe('runtime 40 · file 100');
  });

  it("reverts the running weight to the file's", async () => {
    const user = userEvent.setup();
    const world = editorBridge({
      runtime: { 'www/primary/b1': 40 },
      more: { 'backends:set-weight': (r) => runtimeOf(LAB).find((f) => f.name === r.frontend)! },
    });
    renderWith(world.bridge, <ConfigEditor site="lab" readOnly={false} />);
    await waitFor(() => expect(within(b1()).getByRole('note')).toBeTruthy());
    await user.click(within(b1()).getByRole('button', { name: "Revert b1 to the file's weight 100" }));
    await waitFor(() => expect(within(b1()).queryByRole('note')).toBeNull());
    expect(world.bridge.calls.find((c) => c.op === 'backends:set-weight')?.request).toEqual({ site: 'lab', frontend: 'www', pool: 'primary', backend: 'b1', weight: 100 });
    expect(screen.getByText('b1 in www / primary runs at the file\'s weight 100 again.')).toBeTruthy();
  });
});

describe('Apply', () => {
  it('lists restarts and emptied pools and applies only after "Apply anyway"', async () => {
    const user = userEvent.setup();
    const restarted = ['b1', 'b2', 'b3', 'v6', 'b5'];
    const world = editorBridge({ diff: () => makeDiff({ restarted, unchanged: [] }, [{ frontend: 'www', pool: 'standby' }]) });
    renderWith(world.bridge, <ConfigEditor site="lab" readOnly={false} />);
    await screen.findByRole('region', { name: 'Frontend www' });
    typeYaml(LAB.replace('port: 80\n      interval', 'port: 8080\n      interval'));
    const plan = await screen.findByRole('region', { name: 'What Apply will do' });
    expect(within(plan).getByText('b1, b2, b3, v6, b5')).toBeTruthy();
    expect(within(plan).getAllByRole('alert').map((a) => a.textContent)).toEqual([
      '5 backends will restart their checks (state goes to unknown until they pass again).',
      'Pool standby of www is left with no enabled backend.',
    ]);
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Confirm Apply' });
    expect(confirm.textContent).toContain('5 backends will restart');
    expect(confirm.textContent).toContain('Restarting: b1, b2, b3, v6, b5');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(world.bridge.calls.some((c) => c.op === 'config:apply')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Apply anyway' }));
    expect(await screen.findByText(/Applied and reloaded in 12 ms/)).toBeTruthy();
    expect(world.file.text).toContain('port: 8080');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('restore from history', () => {
  it('loads the entry into the draft as an undoable change with a banner, applying nothing', async () => {
    const user = userEvent.setup();
    const entry: ConfigHistoryEntry = { id: 'h1', atMs: Date.UTC(2025, 0, 2, 3, 4, 5), user: 'alice@noc1', host: 'noc1', origin: 'electron', path: '/etc/maglev/lab.yaml', bytes: 10, diff: makeDiff() };
    const old = LAB.replace('b2: { weight: 50 }', 'b2: { weight: 10 }');
    const world = editorBridge({ more: { 'config:history-get': () => ({ entry, text: old }) } });
    renderWith(world.bridge, <ConfigEditor site="lab" readOnly={false} restoreId="h1" />);
    const banner = await screen.findByRole('note', { name: 'Restored config' });
    expect(banner.textContent).toContain('Restored the config applied at');
    expect(banner.textContent).toContain('by alice@noc1 — review the diff and Apply');
    await waitFor(() => expect(yaml()).toBe(old));
    expect(screen.getByText('modified')).toBeTruthy();
    expect(await screen.findByRole('region', { name: 'What Apply will do' })).toBeTruthy();
    expect(world.bridge.calls.some((c) => c.op === 'config:apply')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(yaml()).toBe(LAB);
  });
});
