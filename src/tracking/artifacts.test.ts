import { describe, expect, it } from 'vitest';
import { errorOf, makeClient } from '../../test/helpers';

describe('artifacts', () => {
  it('logs bytes, text and dicts and lists them like MLflow', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    const id = info.runId;
    await c.logArtifact(id, 'model/weights.bin', new Uint8Array([1, 2, 3]));
    await c.logText(id, 'hello', 'notes/readme.txt');
    await c.logDict(id, { a: 1, b: [1, 2] }, 'config.json');
    await c.logDict(id, { a: 1 }, 'config.yaml');
    expect(await c.listArtifacts(id)).toEqual([
      { path: 'config.json', isDir: false, fileSize: 39 },
      { path: 'config.yaml', isDir: false, fileSize: 5 },
      { path: 'model', isDir: true },
      { path: 'notes', isDir: true },
    ]);
    expect(await c.listArtifacts(id, 'model')).toEqual([{ path: 'model/weights.bin', isDir: false, fileSize: 3 }]);
    expect(await (await c.downloadArtifact(id, 'notes/readme.txt')).text()).toBe('hello');
    expect(await (await c.downloadArtifact(id, 'config.json')).text()).toBe('{\n  "a": 1,\n  "b": [\n    1,\n    2\n  ]\n}');
    expect(await (await c.downloadArtifact(id, 'config.yaml')).text()).toBe('a: 1\n');
    expect(new Uint8Array(await (await c.downloadArtifact(id, 'model/weights.bin')).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect((await c.downloadArtifact(id, 'model/weights.bin')).type).toBe('application/octet-stream');
  });

  it('refuses paths that escape the artifact root', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    for (const p of ['../evil', 'a/../../b', '/etc/passwd', 'C:\\x', 'a\\b', '', 'a/\0']) {
      expect((await errorOf(c.logText(info.runId, 'x', p))).code, p).toBe('INVALID_PARAMETER_VALUE');
    }
    await c.logText(info.runId, 'x', './a//b.txt');
    expect(await c.listArtifacts(info.runId, 'a')).toEqual([{ path: 'a/b.txt', isDir: false, fileSize: 1 }]);
    expect((await errorOf(c.logText(info.runId, 'x', 'a'))).code).toBe('INVALID_PARAMETER_VALUE'); // a is a directory
    expect((await errorOf(c.logText(info.runId, 'x', 'a/b.txt/c'))).code).toBe('INVALID_PARAMETER_VALUE'); // inside a file
  });

  it('unknown artifact or run is RESOURCE_DOES_NOT_EXIST', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    expect((await errorOf(c.downloadArtifact(info.runId, 'nope.txt'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await errorOf(c.listArtifacts('nope'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(await c.listArtifacts(info.runId)).toEqual([]);
  });
});
