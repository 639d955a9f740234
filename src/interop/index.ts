/** MLflow interop: readers and writers of MLflow's stores, and the restore door into Flowpad. DOM-free. */
export * from './dump';
export { readMlruns, parseMetricFile } from './mlruns-read';
export { readMlflowDb, metricValue, SQL_INFINITY } from './sqlite-read';
export { writeMlruns, metricLines, toMetaYaml, type WriteMlrunsOptions } from './mlruns-write';
export { dumpExperiments, dumpRun, allRuns, runArtifacts } from './export';
export { restoreMlflowDump, toImportBatch, type RestoreResult } from './restore';
export { toImportedModels } from './restore-registry';
export { unzipTree, zipTree } from './zip';
export type { FileTree } from './files';
