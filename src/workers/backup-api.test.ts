import { describe, expect, it } from 'vitest';
import { makeStore, populate } from '../../test/stores';
import { makeBackupApi, type BackupProgress } from './backup-api';
import { deserializeThrown, serializeThrown } from './error-handler';

describe('backup worker API', () => {
  it('exports, inspects and restores with throttled progress; errors keep their code across the boundary', async () => {
    const a = await makeStore();
    await populate(a.client);
    const api = makeBackupApi(() => a.db);
    const progress: BackupProgress[] = [];
    const zip = await api.exportBackup((p) => progress.push(p));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThan(20);
    const summary = await api.inspectBackup(zip);
    expect(summary.tables.find((t) => t.name === 'runs')?.rows).toBe(5);
    expect(summary.fileBytes).toBe(zip.size);

    const b = await makeStore();
    const result = await makeBackupApi(() => b.db).restoreBackup(zip, 'replace');
    expect(result.mode).toBe('replace');
    expect(await b.dump()).toBe(await a.dump());
    expect((await api.storageReport()).experiments.length).toBe(4);

    const err = await api.inspectBackup(new Blob(['junk'])).catch((e: unknown) => e);
    const crossed = deserializeThrown(serializeThrown(err)) as { code: string; message: string };
    expect(crossed.code).toBe('INVALID_PARAMETER_VALUE');
    expect(crossed.message).toMatch(/not a Flowpad backup/);
    await a.close();
    await b.close();
  });
});
