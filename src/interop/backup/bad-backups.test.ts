// Corrupt, foreign and hostile backups: each is refused with a clear message and leaves the database
// identical (dump before = dump after), in both restore modes.
import { unzipSync } from 'fflate';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/error-of';
import { makeStore, populate, type TestStore } from '../../../test/stores';
import { refusedUnchanged } from '../../../test/unchanged';
import { exportBackup, restoreBackup } from '.';
import { BAD_BACKUPS, rezip, type Files } from '../../../test/corpora/bad-backups';

let store: TestStore;
let good: Blob;
let files: Files;
let before: string;
beforeAll(async () => {
  store = await makeStore();
  await populate(store.client);
  good = await exportBackup(store.db);
  files = unzipSync(new Uint8Array(await good.arrayBuffer()));
  before = await store.dump();
});

describe('a bad backup is refused and writes nothing', () => {
  for (const [what, make, message] of BAD_BACKUPS) {
    it(what, async () => {
      const bad = await make(good, files);
      for (const mode of ['replace', 'merge'] as const) {
        const err = await refusedUnchanged(store.dump, () => restoreBackup(store.db, bad, { mode }));
        expect(err.message).toMatch(message);
      }
      expect(await store.dump()).toBe(before);
    });
  }

  it('the unmodified backup is accepted (the corpus tests what it says)', async () => {
    const again = rezip(files);
    await restoreBackup(store.db, again, { mode: 'merge' });
    expect(await store.dump()).toBe(before);
  });
});

describe('a full disk during a restore', () => {
  const realPut = IDBObjectStore.prototype.put;
  afterEach(() => {
    IDBObjectStore.prototype.put = realPut;
  });
  it('gives QUOTA_EXCEEDED and leaves the database as it was, even after clearing it for a replace', async () => {
    const dst = await makeStore();
    await dst.client.createExperiment('kept');
    const dstBefore = await dst.dump();
    let puts = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++puts > 20) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    for (const mode of ['replace', 'merge'] as const) {
      puts = 0;
      const err = await errorOf(restoreBackup(dst.db, good, { mode }));
      expect(err.code).toBe('QUOTA_EXCEEDED');
    }
    IDBObjectStore.prototype.put = realPut;
    expect(await dst.dump()).toBe(dstBefore);
    await dst.close();
  });
});
