import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMockBridge } from '../lib/mock-bridge';
import { backend, frontend, site } from '../test/fixtures';
import { renderWith } from '../test/render';
import { App } from './app';
import { shortcutAction } from './shortcuts';

const inSite = { view: 'site', site: 'lab', tab: 'backends' } as const;

describe('shortcutAction', () => {
  it('maps g-sequences to views, and site tabs only inside a site', () => {
    expect(shortcutAction('o', true, inSite)).toEqual({ go: { view: 'overview' } });
    expect(shortcutAction('s', true, inSite)).toEqual({ go: { view: 'sites' } });
    expect(shortcutAction('a', true, { view: 'overview' })).toEqual({ go: { view: 'audit' } });
    expect(shortcutAction('h', true, inSite)).toEqual({ go: { view: 'site', site: 'lab', tab: 'history' } });
    expect(shortcutAction('t', true, inSite)).toEqual({ go: { view: 'site', site: 'lab', tab: 'timeline' } });
    expect(shortcutAction('r', true, inSite)).toEqual({ go: { view: 'site', site: 'lab', tab: 'graphs' } });
    expect(shortcutAction('t', true, { view: 'overview' })).toBeNull();
    expect(shortcutAction('o', false, inSite)).toBeNull();
    expect(shortcutAction('/', false, inSite)).toEqual({ focusFilter: true });
  });
});

describe('shortcuts in the app', () => {
  beforeEach(() => {
    window.location.hash = '#/site/lab/backends';
  });

  function bridge() {
    return createMockBridge({
      'app:info': () => ({ version: 't', readOnly: false, sitesPath: '/x', host: 'web', user: 'noc' }),
      'sites:list': () => [site()],
      'frontends:list': () => [frontend()],
      'backends:list': () => [backend('web-a'), backend('web-b')],
      'transitions:range': () => [],
    });
  }

  it('g t opens the timeline, / focuses the filter, ? lists the shortcuts', async () => {
    renderWith(bridge(), <App />);
    await screen.findByRole('table', { name: 'www pool primary' });
    await userEvent.keyboard('/');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Filter backends' }));
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('command palette: go to any site and view')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    await userEvent.keyboard('gt');
    await waitFor(() => expect(window.location.hash).toBe('#/site/lab/timeline'));
  });

  it('ignores keys typed into a field', async () => {
    renderWith(bridge(), <App />);
    await userEvent.type(await screen.findByRole('searchbox', { name: 'Filter backends' }), 'go');
    expect(window.location.hash).toBe('#/site/lab/backends');
  });
});
