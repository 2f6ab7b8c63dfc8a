import { describe, expect, it } from 'vitest';
import { createDocumentStore } from './document-store';
import { applyChange, textChange } from './text-change';

describe('textChange', () => {
  it('finds the one replaced range between common prefix and suffix', () => {
    expect(textChange('abcdef', 'abXYef')).toEqual({ from: 2, to: 4, insert: 'XY' });
    expect(textChange('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
    expect(textChange('same', 'same')).toBeNull();
    for (const [a, b] of [['', 'x'], ['x', ''], ['web: 100\n', 'web: 40\n'], ['ab', 'ba']] as const) {
      expect(applyChange(a, textChange(a, b)!)).toBe(b);
    }
  });
});

describe('createDocumentStore', () => {
  it('undoes and redoes changes from both views in one history', () => {
    const s = createDocumentStore('a: 1\n');
    s.change('a: 2\n', { origin: 'visual' });
    s.change('a: 2\nb: 3\n', { origin: 'yaml' });
    expect(s.getSnapshot()).toMatchObject({ text: 'a: 2\nb: 3\n', dirty: true, canUndo: true, canRedo: false });
    expect(s.undo()).toBe(true);
    expect(s.getSnapshot().text).toBe('a: 2\n');
    expect(s.undo()).toBe(true);
    expect(s.getSnapshot()).toMatchObject({ text: 'a: 1\n', dirty: false, canUndo: false, canRedo: true });
    expect(s.undo()).toBe(false);
    s.redo();
    s.redo();
    expect(s.getSnapshot().text).toBe('a: 2\nb: 3\n');
    s.undo();
    s.change('a: 9\n', { origin: 'visual' });
    expect(s.getSnapshot().canRedo).toBe(false);
  });

  it('merges repeated changes of one key within the window, not after it or after an undo', () => {
    let t = 0;
    const s = createDocumentStore('w: 100\n', () => t);
    for (const w of [90, 70, 40]) {
      t += 100;
      s.change(`w: ${w}\n`, { origin: 'visual', key: 'weight:x' });
    }
    s.undo();
    expect(s.getSnapshot().text).toBe('w: 100\n');
    s.redo();
    expect(s.getSnapshot().text).toBe('w: 40\n');
    t += 100;
    s.change('w: 30\n', { origin: 'visual', key: 'weight:x' });
    t += 5000;
    s.change('w: 20\n', { origin: 'visual', key: 'weight:x' });
    s.undo();
    expect(s.getSnapshot().text).toBe('w: 30\n');
    s.undo();
    expect(s.getSnapshot().text).toBe('w: 40\n');
  });

  it('drops a merged step that returns to where it started', () => {
    const s = createDocumentStore('x');
    s.change('xy', { origin: 'yaml', key: 'typing' });
    s.change('x', { origin: 'yaml', key: 'typing' });
    expect(s.getSnapshot()).toMatchObject({ text: 'x', canUndo: false });
  });

  it('marks the saved text and notifies subscribers', () => {
    const s = createDocumentStore('a');
    let n = 0;
    const off = s.subscribe(() => n++);
    s.change('b', { origin: 'visual' });
    s.markSaved('b');
    expect(s.getSnapshot()).toMatchObject({ dirty: false, savedText: 'b' });
    off();
    s.change('c', { origin: 'visual' });
    expect(n).toBe(2);
  });
});
