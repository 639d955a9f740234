import { unzipSync, strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFolder } from './zip-folder';

describe('zipFolder', () => {
  it('round-trips nested paths, text and binary', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]);
    const out = await zipFolder([
      { path: 'model/MLmodel', data: strToU8('flavors:\n  python_function: {}\n') },
      { path: 'model/conda.yaml', data: strToU8('name: env\n'.repeat(100)) },
      { path: 'plots/loss.png', data: png },
    ]);
    const files = unzipSync(out);
    expect(Object.keys(files).sort()).toEqual(['model/MLmodel', 'model/conda.yaml', 'plots/loss.png']);
    expect(strFromU8(files['model/MLmodel'])).toContain('python_function');
    expect(strFromU8(files['model/conda.yaml'])).toBe('name: env\n'.repeat(100));
    expect(files['plots/loss.png']).toEqual(png);
  });

  it('rejects paths that would unpack outside the folder, and duplicates', async () => {
    await expect(zipFolder([{ path: '../evil', data: new Uint8Array() }])).rejects.toThrow(/Unsafe/);
    await expect(zipFolder([{ path: '/abs', data: new Uint8Array() }])).rejects.toThrow(/Unsafe/);
    const d = { path: 'a.txt', data: new Uint8Array([1]) };
    await expect(zipFolder([d, d])).rejects.toThrow(/Duplicate/);
  });

  it('zips an empty folder to a valid empty archive', async () => {
    expect(Object.keys(unzipSync(await zipFolder([])))).toEqual([]);
  });
});
