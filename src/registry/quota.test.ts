import { afterEach, describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { makeRegistry } from '../../test/registry-helpers';
import { armQuotaFault, clearFaults } from '../storage';

afterEach(() => clearFaults());

describe('the registry on a full disk', () => {
  it('gives QUOTA_EXCEEDED with advice (not a raw DOMException) and writes nothing', async () => {
    const { registry } = makeRegistry();
    await registry.createRegisteredModel('kept');
    armQuotaFault();
    const err = await errorOf(registry.createRegisteredModel('new-model', { description: 'x' }));
    expect(err.code).toBe('QUOTA_EXCEEDED');
    expect(err.message).toContain('Browser storage is full');
    clearFaults();
    expect((await registry.searchRegisteredModels()).items.map((m) => m.name)).toEqual(['kept']);
  });
});
