/** Query keys shared by the subscription hook and the features that read the same data. */
export const siteKeys = {
  all: ['sites'] as const,
  list: () => ['sites', 'list'] as const,
  info: () => ['app', 'info'] as const,
  frontends: (site: string) => ['sites', site, 'frontends'] as const,
  backends: (site: string) => ['sites', site, 'backends'] as const,
  healthchecks: (site: string) => ['sites', site, 'healthchecks'] as const,
  transitions: (site: string) => ['sites', site, 'transitions'] as const,
  history: (site: string, frontend: string) => ['sites', site, 'history', frontend] as const,
  config: (site: string) => ['sites', site, 'config'] as const,
};
