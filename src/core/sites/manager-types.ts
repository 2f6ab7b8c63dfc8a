import type { ConfigIssue, SiteSpec } from '../../shared/model';
import type { Result } from '../util';
import type { Site, SiteEvent } from './types';

/** What a site factory is asked to build. `spec` has its config path already resolved. */
export interface SiteFactoryInput {
  id: string;
  spec: SiteSpec;
}

/** Builds a running site; may throw, the manager then lists the site as offline with the reason. */
export type SiteFactory = (input: SiteFactoryInput) => Site | Promise<Site>;

/** Starts the demo site shown when there is no sites file. */
export type DemoFactory = (input: { id: string; dir: string }) => Promise<Site>;

/** What a manager tells its subscribers: a site's own event, or that the set of sites changed. */
export type ManagerEvent = { type: 'site'; site: string; event: SiteEvent } | { type: 'sites-changed' };

/** The set of watched sites, backed by sites.yaml. */
export interface SiteManager {
  readonly sitesPath: string;
  /** Reads the sites file (or starts the demo when it does not exist) and starts every site. */
  start(): Promise<void>;
  /** Running sites, demo first, then in file order. */
  list(): Site[];
  get(id: string): Site | undefined;
  /** The specs as written in the file (config paths unresolved). */
  specs(): { id: string; spec: SiteSpec }[];
  /** Problems found in the sites file at the last read, with line and column. */
  issues(): ConfigIssue[];
  add(spec: SiteSpec): Promise<Result<Site>>;
  edit(id: string, spec: SiteSpec): Promise<Result<Site>>;
  remove(id: string): Promise<Result<{ site: string }>>;
  subscribe(listener: (event: ManagerEvent) => void): () => void;
  dispose(): Promise<void>;
}
