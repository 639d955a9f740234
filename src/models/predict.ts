/**
 * One scoring request end to end, as `POST /invocations` does it: decode the body, check params, enforce the
 * signature, run the flavor, format `{"predictions": …}`.
 */
import type { Flavor, LoadedModel } from './flavor';
import { formatPredictions, parseScoringRequest, resolveParams } from './scoring';
import { prepareFeeds } from './scoring-feeds';
import type { ModelSignature } from './signature';

/** The answer body plus anything worth telling the user (ignored params, left-out outputs). */
export interface ScoringResult {
  predictions: unknown;
  warnings: string[];
}

/**
 * Scores `body` (JSON text or parsed JSON in MLflow's scoring format) with a loaded model. `signature` is the
 * MLmodel's, or null to skip enforcement as MLflow does for models without one.
 */
export async function scoreRequest(
  flavor: Pick<Flavor, 'predict'>, model: LoadedModel, body: unknown, signature: ModelSignature | null,
): Promise<ScoringResult> {
  const req = parseScoringRequest(body);
  const { warnings } = resolveParams(req.params, signature?.params ?? null);
  const { feeds, style } = prepareFeeds(req.input, model.inputs, signature?.inputs ?? null);
  const outputs = await flavor.predict(model, feeds);
  return { ...formatPredictions(outputs, style), warnings: [...warnings, ...model.notes] };
}
