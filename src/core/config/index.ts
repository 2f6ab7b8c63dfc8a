export type * from './types';
export type { ConfigIssue, ConfigDiff } from '../../shared/model';
export { loadConfig, loadConfigFile } from './load';
export type { LoadResult, LoadOptions } from './load';
export { formatIssue } from './issues';
export { diffConfigs, backendNeedsRestart, backendRestartReasons, healthCheckEqual, indexConfig } from './diff';
export type { ConfigIndex, RestartReason } from './diff';
export { compileResponseRegexp } from './response-regexp';
export { parseGoDuration, formatDuration } from './duration';
export { ipFamily } from './ip';
export { suggestName } from './suggest';
export { saveConfigAtomically } from './save';
export type { SaveFs, SaveFileHandle } from './save';
export {
  editConfigText,
  setIn,
  deleteIn,
  renameKey,
  setPoolWeight,
  movePoolMember,
  renameBackend,
  renameHealthCheck,
  EditError,
} from './edit';
export type { EditResult, YamlPath } from './edit';
export { applyConfigEdits } from './structured-edit';
