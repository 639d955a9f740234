// Installs fake-indexeddb as the global before Dexie loads, like a browser or worker has one.
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { openDb } from '.';

it('uses the global IndexedDB when no factory is given (no explicit undefined options)', async () => {
  const db = openDb({ name: 'global' });
  expect((await db.experiments.get('0'))?.name).toBe('Default');
  db.close();
});
