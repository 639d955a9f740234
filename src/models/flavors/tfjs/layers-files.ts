/**
 * A TF.js Layers model as the files `tf.loadLayersModel('…/model.json')` reads: `model.json` (topology +
 * weights manifest) and one weights shard, as `tensorflowjs_converter` and `model.save('downloads://')` write
 * them. Python reads the same pair with `tensorflowjs.converters.load_keras_model`.
 */
import * as tf from '@tensorflow/tfjs';
import { invalidParam } from '../../../core/errors';

export const MODEL_JSON_FILE = 'model.json';
export const WEIGHTS_FILE = 'group1-shard1of1.bin';

/** File name → bytes. */
export type LayersModelFiles = Record<string, Uint8Array>;

const utf8 = new TextEncoder();

/** Serialises a model (without its optimizer state) to `model.json` + one weights shard. */
export async function layersModelFiles(model: tf.LayersModel): Promise<LayersModelFiles> {
  let files: LayersModelFiles | null = null;
  await model.save(tf.io.withSaveHandler(async (a) => {
    const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(a.weightData ?? new ArrayBuffer(0)));
    const json: tf.io.ModelJSON = {
      modelTopology: a.modelTopology as object,
      format: a.format ?? 'layers-model',
      generatedBy: a.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
      convertedBy: a.convertedBy ?? null,
      weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: a.weightSpecs ?? [] }],
    };
    files = { [MODEL_JSON_FILE]: utf8.encode(JSON.stringify(json)), [WEIGHTS_FILE]: weights };
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
  }));
  return files!;
}

/** Loads files written by {@link layersModelFiles} (one shard). Throws INVALID_PARAMETER_VALUE if malformed. */
export async function loadLayersModelFiles(files: LayersModelFiles): Promise<tf.LayersModel> {
  const jsonBytes = files[MODEL_JSON_FILE];
  if (!jsonBytes) throw invalidParam(`A TF.js model needs ${MODEL_JSON_FILE}.`);
  const json = JSON.parse(new TextDecoder().decode(jsonBytes)) as tf.io.ModelJSON;
  const group = json.weightsManifest?.[0];
  const shard = group?.paths[0]?.replace(/^\.\//, '');
  const weights = shard ? files[shard] : undefined;
  if (!group || !weights) throw invalidParam(`The weights shard named in ${MODEL_JSON_FILE} is missing.`);
  const data = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: group.weights, weightData: data }));
}
