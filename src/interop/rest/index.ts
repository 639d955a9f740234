/** Sync with an MLflow tracking server over its REST API 2.0: a typed client, push and pull. DOM-free. */
export { MlflowRestClient, isProxied, HISTORY_PAGE, type BatchInput, type RemoteFile, type RestOptions } from './client';
export { encodeDouble, decodeDouble } from './codec';
export { errorFrom, isUnreachable } from './http';
export { splitBatches } from './batches';
export { pushExperiments, resumeOffset, SOURCE_RUN_TAG, type PushOptions, type PushResult, type SyncProgress } from './push';
export { pullExperiments, type PullOptions } from './pull';
export { MlflowRegistryRestClient, type RemoteModel, type RemoteVersion } from './registry-client';
export {
  pushRegisteredModels, SOURCE_VERSION_TAG, type RegistryPushOptions, type RegistryPushResult, type RegistryPushTargets,
} from './push-registry';
export { pullRegisteredModels } from './pull-registry';
