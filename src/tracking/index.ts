export * from './api';
export * from './entities';
export { openTracking, type OpenTrackingOptions } from './client';
export { normalizeArtifactPath, type ArtifactFile } from './artifacts';
export { RUN_NAME_TAG, PARENT_RUN_TAG, USER_TAG } from './runs';
export { MlflowError, isMlflowError, type ErrorCode } from '../core/errors';
export type { ImportAlongside, ImportBatch, ImportExperiment, ImportResult, ImportRun, ImportSeries } from './import';
