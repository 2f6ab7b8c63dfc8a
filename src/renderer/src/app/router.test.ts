import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './router';

describe('router', () => {
  it('round-trips every kind of route, names with slashes and spaces included', () => {
    const routes: Route[] = [
      { view: 'overview' },
      { view: 'sites' },
      { view: 'site', site: 'lab', tab: 'backends' },
      { view: 'site', site: 'edge dc/2', tab: 'timeline', focus: 'web a/1' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r.view === 'site' && !r.focus ? { ...r, focus: undefined } : r);
  });

  it('falls back to the overview, and to the backends tab for an unknown tab', () => {
    expect(parseRoute('')).toEqual({ view: 'overview' });
    expect(parseRoute('#/nowhere')).toEqual({ view: 'overview' });
    expect(parseRoute('#/site/lab/bogus')).toEqual({ view: 'site', site: 'lab', tab: 'backends', focus: undefined });
  });
});
