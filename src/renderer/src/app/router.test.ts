import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './router';

describe('router', () => {
  it('round-trips every kind of route, names with slashes and spaces included', () => {
    const routes: Route[] = [
      { view: 'overview' },
      { view: 'sites' },
      { view: 'audit' },
      { view: 'site', site: 'lab', tab: 'backends' },
      { view: 'site', site: 'lab', tab: 'history', focus: '1715000000000-3f2a' },
      { view: 'site', site: 'lab', tab: 'config', focus: '1715000000000-3f2a' },
      { view: 'site', site: 'edge dc/2', tab: 'timeline', focus: 'web a/1' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r.view === 'site' && !r.focus ? { ...r, focus: undefined } : r);
  });

  it('falls back to the overview, and to the backends tab for an unknown tab', () => {
    expect(parseRoute('')).toEqual({ view: 'overview' });
    expect(parseRoute('#/nowhere')).toEqual({ view: 'overview' });
    expect(parseRoute('#/site/lab/bogus')).toEqual({ view: 'site', site: 'lab', tab: 'backends', focus: undefined });
  });

  it('parses the audit view, the history tab with its entry, and the config tab with a restore id', () => {
    expect(parseRoute('#/audit')).toEqual({ view: 'audit' });
    expect(routeHref({ view: 'audit' })).toBe('#/audit');
    expect(parseRoute('#/site/lab/history')).toEqual({ view: 'site', site: 'lab', tab: 'history', focus: undefined });
    expect(parseRoute('#/site/lab/history/h%2F1')).toEqual({ view: 'site', site: 'lab', tab: 'history', focus: 'h/1' });
    expect(routeHref({ view: 'site', site: 'lab', tab: 'config', focus: 'h/1' })).toBe('#/site/lab/config/h%2F1');
  });
});
