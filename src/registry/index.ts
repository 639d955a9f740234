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
export { importRegisteredModels, validateImport, type ImportedFile, type ImportedModelVersion, type ImportedRegisteredModel, type ImportOptions, type ImportSummary } from './import';
export { collectExport, type ExportScope, type ExportedModel, type ExportedVersion } from './export';
