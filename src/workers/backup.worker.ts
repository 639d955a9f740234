/** The backup worker: storage report, export and restore of the whole database, off the main thread. */
import * as Comlink from 'comlink';
import { openDb, type FlowpadDB } from '../storage';
import { makeBackupApi } from './backup-api';
import { installErrorHandler } from './error-handler';

installErrorHandler();

let db: FlowpadDB | undefined;
Comlink.expose(makeBackupApi(() => (db ??= openDb())));
