// Screen-test world of the config editor: a mock bridge whose file, validator, diff, apply and edits
// behave like the host's closely enough to drive both views, plus helpers to read the YAML view and
// to drag things around in jsdom.
import { act, fireEvent } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import type { OpResponse } from '../../../../../shared/ipc';
import type { ConfigDiff, ConfigEdit, FrontendInfo } from '../../../../../shared/model';
import { createMockBridge, type MockHandlers } from '../../../lib/mock-bridge';
import { frontend, member } from '../../../test/fixtures';
import { parseConfigModel } from '../utils/config-model';
import { fakeConfigEdit } from './fake-config-edit';

// CodeMirror measures text ranges; jsdom has no layout, so empty geometry is the honest answer.
Range.prototype.getClientRects ??= () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

export const LAB = `# lab site: comments must survive
maglev:
  healthchecks:
    web:
      type: http
      port: 80
      interval: 2s
      rise: 2
      params:
        path: /healthz
  backends:
    b1: { address: 10.0.0.1, healthcheck: web }
    b2: { address: 10.0.0.2, healthcheck: web }
    b3: { address: 10.0.0.3, healthcheck: web }
    v6: { address: "2001:db8::1", healthcheck: web }
  frontends:
    www:
      address: 192.0.2.1
      protocol: tcp
      port: 80
      pools:
        - name: primary
          backends:
            b1: {}
            b2: { weight: 50 }
        - name: standby
          backends:
            b3: {}
`;

export type Validation = OpResponse<'config:validate'>;
export const VALID: Validation = { ok: true, kind: 'ok', issues: [], warnings: [], legacy: false };

/** A diff with the given backends restarted (and the rest unchanged) and one weight change. */
export function makeDiff(over: Partial<ConfigDiff['backends']> = {}, emptied: ConfigDiff['emptiedPools'] = []): ConfigDiff {
  return {
    backends: { added: [], removed: [], restarted: [], unchanged: ['b1', 'b2', 'b3', 'v6'], ...over },
    frontends: { added: [], removed: [], changed: [{ name: 'www', changes: ['pool primary: b2 weight 50 → 40'], weightOnly: true }], unchanged: [] },
    healthchecks: { added: [], removed: [], changed: [] },
    emptiedPools: emptied,
  };
}

/** The running frontends as the file says, with `override` weights (`www/primary/b1` → 40). */
export function runtimeOf(text: string, override: Record<string, number> = {}): FrontendInfo[] {
  const r = parseConfigModel(text);
  if (!r.ok) throw new Error(r.message);
  return r.model.frontends.map((f) =>
    frontend({
      name: f.name,
      address: String(f.fields.address),
      port: Number(f.fields.port),
      description: '',
      pools: f.pools.map((p) => ({
        name: p.name,
        backends: p.members.map((m) => member(m.backend, override[`${f.name}/${p.name}/${m.backend}`] ?? m.weight)),
      })),
    }),
  );
}

/** The mock bridge: a file that Apply rewrites, the fake edit, and per-test validator/diff/runtime. */
export function editorBridge(opts: { text?: string; validate?: (text: string) => Validation; diff?: (text: string) => ConfigDiff; runtime?: Record<string, number>; more?: MockHandlers } = {}) {
  const file = { text: opts.text ?? LAB };
  const bridge = createMockBridge({
    'config:read': () => ({ path: '/etc/maglev/lab.yaml', text: file.text, editable: true, legacy: false }),
    'config:validate': ({ text }) => opts.validate?.(text) ?? VALID,
    'config:diff': ({ text }) => ({ validation: opts.validate?.(text) ?? VALID, diff: opts.diff?.(text) ?? makeDiff() }),
    'config:apply': ({ text }) => {
      file.text = text;
      return { diff: opts.diff?.(text) ?? makeDiff(), elapsedMs: 12.4, savedTo: '/etc/maglev/lab.yaml' };
    },
    'config:edit': ({ text, edits }) => fakeConfigEdit(text, edits as ConfigEdit[]),
    'frontends:list': () => runtimeOf(file.text, opts.runtime),
    ...opts.more,
  });
  return { bridge, file, edits: () => bridge.calls.filter((c) => c.op === 'config:edit').map((c) => (c.request as { edits: unknown[] }).edits) };
}

/** The YAML view's editor. */
export function yamlView(): EditorView {
  const view = EditorView.findFromDOM(document.querySelector('.cm-editor') as HTMLElement);
  if (!view) throw new Error('no YAML editor');
  return view;
}

/** Replaces the YAML text the way a user's typing would arrive. */
export function typeYaml(text: string): void {
  const view = yamlView();
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
}

/** A DataTransfer for jsdom (which has none): what fireEvent passes on drag events. */
export function dataTransfer(): DataTransfer {
  const data = new Map<string, string>();
  return {
    setData: (k: string, v: string) => void data.set(k, v),
    getData: (k: string) => data.get(k) ?? '',
    get types() {
      return [...data.keys()];
    },
    dropEffect: 'none',
    effectAllowed: 'all',
  } as unknown as DataTransfer;
}

/** Drags `source` onto `target` with the HTML5 events a browser sends. */
export function drag(source: Element, target: Element): void {
  const dt = dataTransfer();
  fireEvent.dragStart(source, { dataTransfer: dt });
  fireEvent.dragEnter(target, { dataTransfer: dt });
  fireEvent.dragOver(target, { dataTransfer: dt });
  fireEvent.drop(target, { dataTransfer: dt });
  fireEvent.dragEnd(source, { dataTransfer: dt });
}
