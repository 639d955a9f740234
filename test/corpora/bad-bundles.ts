/**
 * A corpus of bad model uploads (bundles, model folder zips, .onnx files), each built with fflate or by patching a
 * good zip's bytes: used by the Node test (src/interop/bundle/bad-bundles.test.ts) and the Playwright bad-input
 * journey (e2e/bad-input.spec.ts). No domain imports, so it loads in either.
 */
import { strToU8, Zip, ZipPassThrough, zipSync, type Zippable } from 'fflate';
import type { BundleLimits } from '../../src/interop/bundle/limits';
import { ONNX_MLMODEL } from '../onnx-mlmodel';

export const WEIGHTS = Uint8Array.from({ length: 256 }, (_, i) => i);
const text = (s: string) => strToU8(s);
export const zip = (files: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array => {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(files)) z[k] = [typeof v === 'string' ? text(v) : v, { level }];
  return zipSync(z);
};
export const folder = (prefix: string) => ({ [`${prefix}MLmodel`]: ONNX_MLMODEL, [`${prefix}model.onnx`]: WEIGHTS });
export const manifest = (models: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ flowpad_bundle: 1, created_at: 0, registered_models: models, ...extra });
export const mv = (version: number, path = `models/m/version-${version}`, extra: Record<string, unknown> = {}) => ({ version: String(version), path, ...extra });
const bundle = (models: unknown[], files: Record<string, string | Uint8Array> = folder('models/m/version-1/')) =>
  zip({ 'manifest.json': manifest(models), ...files });

/** The central-directory record of `name` in a zip, for patching its fields. */
function central(z: Uint8Array, name: string): { dv: DataView; at: number } {
  const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
  const needle = text(name);
  for (let i = 0; i + 46 < z.length; i++) {
    if (dv.getUint32(i, true) !== 0x02014b50 || dv.getUint16(i + 28, true) !== needle.length) continue;
    if (needle.every((b, k) => z[i + 46 + k] === b)) return { dv, at: i };
  }
  throw new Error(`no central record for ${name}`);
}
const patched = (z: Uint8Array, name: string, patch: (dv: DataView, at: number) => void): Uint8Array => {
  const copy = z.slice();
  const { dv, at } = central(copy, name);
  patch(dv, at);
  return copy;
};

/** Two entries of the same name (an object of files cannot express that, so the streaming API writes it). */
function duplicateZip(): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new Zip((_, c) => void chunks.push(c));
  for (const data of [text(ONNX_MLMODEL), text('flavors: {}')]) {
    const f = new ZipPassThrough('MLmodel');
    z.add(f);
    f.push(data, true);
  }
  z.end();
  return Uint8Array.from(chunks.flatMap((c) => [...c]));
}

/** An ONNX model whose one initializer says its data is external (TensorProto.data_location = EXTERNAL). */
function externalDataOnnx(): Uint8Array {
  const varint = (n: number) => { const b: number[] = []; while (n > 127) { b.push((n & 127) | 128); n >>>= 7; } b.push(n); return b; };
  const bytes = (f: number, b: number[]) => [...varint((f << 3) | 2), ...varint(b.length), ...b];
  const int = (f: number, v: number) => [...varint(f << 3), ...varint(v)];
  const str = (f: number, s: string) => bytes(f, [...text(s)]);
  const input = bytes(11, [...str(1, 'X'), ...bytes(2, bytes(1, [...int(1, 1), ...bytes(2, bytes(1, int(1, 4)))]))]);
  const init = bytes(5, [...int(1, 4), ...int(2, 1), ...str(8, 'W'), ...int(14, 1)]);
  return Uint8Array.from([...int(1, 8), ...bytes(7, [...init, ...input])]);
}

export const ZEROS = new Uint8Array(4 * 1024 * 1024);
const STORED = zip(folder(''), 0);

export type BadBundle = [name: string, bytes: () => Uint8Array, fileName: string, message: RegExp | string, limits?: Partial<BundleLimits>, modelName?: string];

/** name, bytes, file name, expected message, import limits, model name. */
export const BAD_BUNDLES: BadBundle[] = [
  ['a text file', () => text('hello'), 'notes.txt', "'notes.txt' is neither a zip file nor an ONNX model (.onnx)."],
  ['a truncated zip', () => zip(folder('')).slice(0, -10), 'm.zip', /^Not a valid zip file: its end-of-central-directory record is missing/],
  ['a ../ path', () => zip({ '../evil/MLmodel': ONNX_MLMODEL }), 'm.zip', `Unsafe path "../evil/MLmodel" in the zip: '..' segments are not allowed.`],
  ['a ../ inside a path', () => zip({ 'model/../../x': 'x', ...folder('') }), 'm.zip', `Unsafe path "model/../../x" in the zip: '..' segments are not allowed.`],
  ['an absolute path', () => zip({ '/etc/MLmodel': ONNX_MLMODEL }), 'm.zip', 'Unsafe path "/etc/MLmodel" in the zip: absolute paths are not allowed.'],
  ['a drive letter', () => zip({ 'C:/model/MLmodel': ONNX_MLMODEL }), 'm.zip', 'Unsafe path "C:/model/MLmodel" in the zip: absolute paths are not allowed.'],
  ['a backslash', () => zip({ 'model\\MLmodel': ONNX_MLMODEL }), 'm.zip', 'Unsafe path "model\\\\MLmodel" in the zip: backslashes are not allowed (use /).'],
  ['a control character', () => zip({ 'model/ML\u0001model': ONNX_MLMODEL }), 'm.zip', /control characters are not allowed/],
  ['an empty path segment', () => zip({ 'model//MLmodel': ONNX_MLMODEL }), 'm.zip', /empty or '.' path segments are not allowed/],
  ['duplicate entries', duplicateZip, 'm.zip', "Duplicate entry 'MLmodel' in the zip."],
  ['names differing only in case', () => zip({ ...folder(''), mlmodel: 'x' }), 'm.zip', "Entries 'MLmodel' and 'mlmodel' differ only in letter case; they would collide on most computers."],
  ['a file that is also a folder', () => zip({ ...folder(''), a: 'x', 'a/b': 'y' }), 'm.zip', "'a' is both a file and a folder in the zip."],
  ['a real zip bomb (4 MB of zeros)', () => zip({ ...folder(''), 'zeros.bin': ZEROS }), 'm.zip', /^'zeros.bin' would expand \d+× \(.* → 4.2 MB\), more than the 200× limit: this looks like a zip bomb.$/],
  ['a declared 900 MB entry (never inflated)', () => patched(zip(folder('')), 'model.onnx', (dv, at) => dv.setUint32(at + 24, 900_000_000, true)), 'm.zip', /'model.onnx' would expand .*900 MB.*zip bomb/],
  ['too much in total', () => zip({ ...folder(''), 'a.bin': new Uint8Array(600), 'b.bin': new Uint8Array(600) }, 0), 'm.zip', 'The zip would expand to 2.1 kB, more than the 1.5 kB limit.', { maxTotalBytes: 1500 }],
  ['too many entries', () => zip({ ...folder(''), a: 'a', b: 'b' }), 'm.zip', 'The zip has 4 entries, more than the limit of 3.', { maxEntries: 3 }],
  ['a file over the limit', () => zip({ ...folder(''), 'big.bin': new Uint8Array(1000) }), 'm.zip', "'big.bin' is 1.0 kB, more than the 700 B limit for one file.", { maxFileBytes: 700 }],
  ['an MLmodel over the limit', () => zip(folder('')), 'm.zip', 'MLmodel is 657 B, more than the 100 B limit for an MLmodel file.', { maxMlmodelBytes: 100 }],
  ['a CRC mismatch', () => { const z = STORED.slice(); z[central(z, 'model.onnx').dv.getUint32(central(z, 'model.onnx').at + 42, true) + 30 + 10 + 5] ^= 0xff; return z; }, 'm.zip', "'model.onnx' is corrupt: its CRC-32 does not match."],
  ['an encrypted entry', () => patched(zip(folder('')), 'MLmodel', (dv, at) => dv.setUint16(at + 8, dv.getUint16(at + 8, true) | 1, true)), 'm.zip', "'MLmodel' is encrypted; encrypted zips are not supported."],
  ['an unknown compression method', () => patched(zip(folder('')), 'MLmodel', (dv, at) => dv.setUint16(at + 10, 12, true)), 'm.zip', "'MLmodel' uses compression method 12; only stored and deflated entries are supported."],
  ['corrupt deflate data', () => { const z = zip({ ...folder(''), 'a.txt': 'abc'.repeat(1000) }); const { dv, at } = central(z, 'a.txt'); const d = dv.getUint32(at + 42, true) + 30 + 5; z.fill(0xff, d, d + 8); return z; }, 'm.zip', /^'a.txt' (could not be inflated: its data is corrupt|is corrupt: its CRC-32 does not match)\.$/],
  ['no MLmodel anywhere', () => zip({ 'model.onnx': WEIGHTS }), 'm.zip', /^No MLmodel found: the zip must hold a Flowpad bundle/],
  ['two top folders', () => zip({ ...folder('a/'), ...folder('b/') }), 'm.zip', /^No MLmodel found/],
  ['malformed MLmodel YAML', () => zip({ MLmodel: 'flavors: [', 'model.onnx': WEIGHTS }), 'm.zip', /^MLmodel: /],
  ['an MLmodel without flavors', () => zip({ MLmodel: 'mlflow_version: 2.0.1\n', 'model.onnx': WEIGHTS }), 'm.zip', "MLmodel: Malformed MLmodel: missing 'flavors'."],
  ['an unknown signature type', () => zip({ MLmodel: ONNX_MLMODEL.replace('"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 4]}', '"type": "tensorish"'), 'model.onnx': WEIGHTS }), 'm.zip', /^MLmodel: .*tensorish/],
  ['an invalid model name for a folder', () => zip(folder('')), 'm.zip', `Registered model "a:b": Invalid model name 'a:b'. Names cannot contain '/' or ':'.`, undefined, 'a:b'],
  ['a manifest that is not JSON', () => zip({ 'manifest.json': '{nope', ...folder('models/m/version-1/') }), 'b.zip', /^manifest.json is not valid JSON: /],
  ['a manifest of an unknown format', () => zip({ 'manifest.json': manifest([], { flowpad_bundle: 9 }), ...folder('x/') }), 'b.zip', 'manifest.json: unknown bundle format 9 (this Flowpad reads format 1).'],
  ['a manifest pointing at a missing folder', () => bundle([{ name: 'm', model_versions: [mv(1), mv(2)] }]), 'b.zip', "manifest.json: version 2 of 'm' points at 'models/m/version-2', which is not in the zip."],
  ['a version folder without MLmodel', () => bundle([{ name: 'm', model_versions: [mv(1)] }], { 'models/m/version-1/model.onnx': WEIGHTS }), 'b.zip', "'models/m/version-1' (version 1 of 'm') has no MLmodel file."],
  ['a manifest with an invalid model name', () => bundle([{ name: 'a/b', model_versions: [mv(1)] }]), 'b.zip', `Registered model "a/b": Invalid model name 'a/b'. Names cannot contain '/' or ':'.`],
  ['an alias to a missing version', () => bundle([{ name: 'm', aliases: [{ alias: 'champion', version: '7' }], model_versions: [mv(1)] }]), 'b.zip', "Registered model 'm': alias 'champion' points at version 7, which the import does not contain."],
  ['a reserved alias', () => bundle([{ name: 'm', aliases: [{ alias: 'latest', version: '1' }], model_versions: [mv(1)] }]), 'b.zip', "Registered model 'm': 'latest' alias name (case insensitive) is reserved."],
  ['an invalid stage', () => bundle([{ name: 'm', model_versions: [mv(1, undefined, { current_stage: 'Live' })] }]), 'b.zip', "Registered model 'm', version 1: Invalid Model Version stage: Live. Value must be one of None, Staging, Production, Archived."],
  ['a file no version owns', () => bundle([{ name: 'm', model_versions: [mv(1)] }], { ...folder('models/m/version-1/'), 'extra.bin': WEIGHTS }), 'b.zip', "'extra.bin' is not part of any model version listed in manifest.json."],
  ['the same model twice', () => bundle([{ name: 'm', model_versions: [mv(1)] }, { name: 'm', model_versions: [] }]), 'b.zip', "Registered model 'm' appears twice in the import."],
  ['the same version twice', () => bundle([{ name: 'm', model_versions: [mv(1), mv(1, 'models/m/v1b')] }], { ...folder('models/m/version-1/'), ...folder('models/m/v1b/') }), 'b.zip', "Registered model 'm': version 1 appears twice."],
  ['an unsafe manifest path', () => bundle([{ name: 'm', model_versions: [mv(1, '../m')] }]), 'b.zip', `manifest.json: version 1 of 'm' has the unsafe path "../m".`],
  ['two versions sharing a folder', () => bundle([{ name: 'm', model_versions: [mv(1), mv(2, 'models/m/version-1')] }]), 'b.zip', "manifest.json: version 2 of 'm' and version 1 of 'm' share the folder 'models/m/version-1'."],
  ['a non-numeric timestamp', () => bundle([{ name: 'm', creation_timestamp: 'yesterday', model_versions: [mv(1)] }]), 'b.zip', "manifest.json: model 'm': 'creation_timestamp' must be a whole number."],
  ['an empty .onnx', () => new Uint8Array(0), 'model.onnx', 'The ONNX model is empty.'],
  ['a .onnx that is not protobuf', () => text('definitely not onnx, just words'), 'model.onnx', /^This file is not a valid ONNX model/],
  ['a .onnx with external data', externalDataOnnx, 'model.onnx', "'model.onnx' keeps its weights in external data files; zip the model folder with those files and import the zip."],
];
