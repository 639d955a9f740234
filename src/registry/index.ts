export * from './api';
export * from './entities';
export { openRegistry, registryClient, type OpenRegistryOptions } from './client';
export type { RegistryContext } from './context';
export { parseModelUri, type ParsedModelUri } from './uri';
export { parseRunsUri } from './sources';
export {
  canonicalStage, validateAliasName, validateAliasNotReserved, validateModelName, validateModelVersion,
  validateModelVersionTag, validateRegisteredModelTag, LATEST_ALIAS,
} from './validation';
