import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { invalidParam } from '../core/errors';
import { blobSource, bytesSource, crc32, entryDataOffset, PLAIN_ZIP, readZipDirectory, type ZipWording } from './zip-directory';

describe('crc32', () => {
  it('matches the standard check value and fflate’s zip CRCs, also in pieces and at odd offsets', async () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const data = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) & 0xff);
    const [entry] = await readZipDirectory(bytesSource(zipSync({ a: data })), 10);
    expect(crc32(data)).toBe(entry.crc);
    expect(crc32(data.subarray(777), crc32(data.subarray(0, 777)))).toBe(entry.crc);
    expect(crc32(data.subarray(3))).toBe(crc32(data.slice(3)));
  });
});

describe('readZipDirectory', () => {
  const zip = zipSync({ 'a.txt': new TextEncoder().encode('hello'), 'dir/café.bin': [new Uint8Array(300), { level: 0 }] });

  it('reads names (UTF-8 flagged), methods, sizes and data offsets, from bytes or a Blob alike', async () => {
    const fromBytes = await readZipDirectory(bytesSource(zip), 10);
    const fromBlob = await readZipDirectory(blobSource(new Blob([zip])), 10);
    expect(fromBlob).toEqual(fromBytes);
    expect(fromBytes.map((e) => [e.name, e.method, e.size])).toEqual([['a.txt', 8, 5], ['dir/café.bin', 0, 300]]);
    const stored = fromBytes[1];
    const at = await entryDataOffset(bytesSource(zip), stored);
    expect(crc32(zip.subarray(at, at + stored.size))).toBe(stored.crc);
  });

  it('words each problem as its caller asks: plain zips and backups', async () => {
    const cut = bytesSource(zip.subarray(0, zip.length - 10));
    await expect(readZipDirectory(cut, 10)).rejects.toThrow(/^Not a valid zip file: its end-of-central-directory record is missing/);
    const backup: ZipWording = { ...PLAIN_ZIP, notZip: (why) => invalidParam(`Not a backup: ${why}.`) };
    await expect(readZipDirectory(cut, 10, backup)).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE', message: expect.stringMatching(/^Not a backup: /) });
    await expect(readZipDirectory(bytesSource(zip), 1)).rejects.toThrow('The zip has 2 entries, more than the limit of 1.');
  });
});
