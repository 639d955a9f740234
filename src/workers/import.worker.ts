/**
 * The import worker: reads mlruns trees and mlflow.db files (fflate, sql.js) and writes them through its own
 * tracking client on the same IndexedDB, so the page's live queries see the import as soon as it commits.
 */
import * as Comlink from 'comlink';
import { loadSqlJs } from '../interop/sqlite-wasm';
import { openTracking, type TrackingClient } from '../tracking';
import { installErrorHandler } from './error-handler';
import { makeImportApi } from './import-api';

installErrorHandler();

let tracking: TrackingClient | null = null;
Comlink.expose(makeImportApi({ tracking: () => (tracking ??= openTracking()), sqlJs: loadSqlJs }));
