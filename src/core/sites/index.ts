// Sites: local sites (a checker on a config file) and remote sites (a gRPC client) behind one Site
// interface, the manager of sites.yaml (with the demo site), and the SiteService behind the IPC contract.
export type * from './types';
export type { DemoFactory, ManagerEvent, SiteFactory, SiteFactoryInput, SiteManager } from './manager-types';
export type { SiteManagerOptions } from './site-manager';
export { DEMO_SITE_ID, createSiteManager, resolvePaths } from './site-manager';
export type { AuditRecord, AuditSink, SiteServiceOptions } from './site-service';
export type { AuditReader } from './service-handlers';
export { createSiteService } from './site-service';
export type { LocalSiteOptions } from './local-site';
export { createLocalSite } from './local-site';
export type { RemoteSiteOptions } from './remote-site';
export { REMOTE_APPLY_REFUSAL, createRemoteSite, loadClientTls } from './remote-site';
export type { DemoSiteOptions } from './demo/demo-site';
export { createDemoSite } from './demo/demo-site';
export type { DemoBackend, DemoBackends, DemoBackendsOptions, DemoBehaviour } from './demo/demo-backends';
export { createDemoBackends } from './demo/demo-backends';
export { buildDemoConfig } from './demo/demo-config';
export type { SitesFileEntry, SitesFileParse } from './sites-file';
export { formatSitesIssue, parseSitesFile } from './sites-file';
export { BATCH_INTERVAL_MS } from './event-batcher';
export { exportTransitions } from './transitions-export';
export type { ConfigHistoryStore } from './config-history';
export { DEFAULT_HISTORY_KEEP, createFileConfigHistory } from './config-history';
export type { ConfigThread } from './config-thread';
export { createConfigThread, createInlineConfigThread } from './config-thread';
