/**
 * The corpus of bad uploads (test/corpora/bad-bundles.ts, shared with e2e/bad-input.spec.ts): every one must be
 * refused with a message naming the problem, and leave the database exactly as it was.
 */
import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_BUNDLES as CASES, folder, manifest, mv, zip, ZEROS, type BadBundle as Case } from '../../../test/corpora/bad-bundles';
import { dumpDb, makeRegistry, runWithModel, type RegistryFixture } from '../../../test/registry-helpers';
import { restoreBundle } from './restore';

describe('bad bundles are refused and change nothing', () => {
  let f: RegistryFixture;
  let before: unknown;
  beforeAll(async () => {
    f = makeRegistry();
    const runId = await runWithModel(f.tracking);
    await f.registry.createRegisteredModel('m', { description: 'already here' });
    await f.registry.createModelVersion('m', `runs:/${runId}/model`);
    await f.registry.setRegisteredModelAlias('m', 'champion', 1);
    before = await dumpDb(f.db);
  });

  it('has at least 20 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(20));

  // Uploads arrive as Files (Blobs) read entry by entry and as streams; smaller ones are read at once: both paths.
  const BOTH = CASES.flatMap((c) => [[...c.slice(0, 1), 'bytes', ...c.slice(1)], [...c.slice(0, 1), 'a Blob', ...c.slice(1)]]) as
    Array<[string, string, ...Case extends [string, ...infer R] ? R : never]>;

  it.each(BOTH)('refuses %s (as %s)', async (_name, as, make, fileName, message, limits, name) => {
    let caught: { code?: string; message: string } | undefined;
    try {
      const bytes = make();
      const restored = await restoreBundle(as === 'bytes' ? bytes : new Blob([bytes as BlobPart]), { fileName, limits, name, readInMemoryUpTo: 0 });
      await f.registry.importRegisteredModels(restored.models);
    } catch (e) {
      caught = e as { code?: string; message: string };
    }
    expect(caught, 'the upload was accepted').toBeDefined();
    expect(caught!.code).toBe('INVALID_PARAMETER_VALUE');
    if (typeof message === 'string') expect(caught!.message).toBe(message);
    else expect(caught!.message).toMatch(message);
    expect(await dumpDb(f.db)).toEqual(before);
  });

  it('rolls back everything when a write fails halfway through the transaction', async () => {
    const good = zip({ 'manifest.json': manifest([{ name: 'new-a', model_versions: [mv(1, 'a')] }, { name: 'new-b', model_versions: [mv(1, 'b')] }]), ...folder('a/'), ...folder('b/') });
    const restored = await restoreBundle(good, { fileName: 'ok.zip' });
    const table = f.db.modelVersionFiles;
    const original = table.bulkAdd.bind(table);
    let calls = 0;
    table.bulkAdd = ((...args: Parameters<typeof original>) => {
      if (++calls === 2) throw new Error('disk full');
      return original(...args);
    }) as typeof table.bulkAdd;
    try {
      await expect(f.registry.importRegisteredModels(restored.models)).rejects.toThrow('disk full');
    } finally {
      table.bulkAdd = original;
    }
    expect(calls).toBe(2);
    expect(await dumpDb(f.db)).toEqual(before);
    await f.registry.importRegisteredModels(restored.models); // and the same bundle imports fine afterwards
    expect((await f.registry.searchRegisteredModels()).items.map((m) => m.name)).toEqual(['m', 'new-a', 'new-b']);
  });
});

describe('deflateSync sanity', () => {
  it('zeros compress far beyond the ratio cap', () => expect(ZEROS.length / deflateSync(ZEROS).length).toBeGreaterThan(200));
});
