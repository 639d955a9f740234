/**
 * MLflow's registry input rules (mlflow/utils/validation.py, entities/model_registry/model_version_stages.py)
 * with its messages and codes. Every error is INVALID_PARAMETER_VALUE unless noted.
 */
import { invalidParam } from '../core/errors';
import {
  badPathMessage, exceedsMaximumLengthMessage, invalidValueMessage, missingValueMessage, pathNotUnique, validateTagName,
} from '../tracking/validation';
import { ACTIVE_STAGES, MODEL_VERSION_STAGES, type ModelVersionStage } from './entities';

export const MAX_MODEL_REGISTRY_TAG_KEY_LENGTH = 250;
export const MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH = 100_000;
export const MAX_REGISTERED_MODEL_ALIAS_LENGTH = 255;
/** The alias that always resolves to the newest version (case-insensitive, reserved). */
export const LATEST_ALIAS = 'latest';

// Python's `\w` is Unicode-aware and `$` accepts one final "\n" (see tracking/validation.ts).
const ALIAS_RE = /^[\p{L}\p{N}_-]*\n?$/u;
const VERSION_ALIAS_RE = /^[vV]\d+\n?$/;
const isBlank = (s: unknown): boolean => s === null || s === undefined || (typeof s === 'string' && s.trim() === '');

/** `_validate_model_name`: non-blank, no '/' or ':', and its own normal path form. */
export function validateModelName(name: unknown): asserts name is string {
  if (isBlank(name)) throw invalidParam(missingValueMessage('name'));
  if (typeof name !== 'string') throw invalidParam(invalidValueMessage('name', name, 'Expected a string.'));
  if (name.includes('/') || name.includes(':')) {
    throw invalidParam(`Invalid model name '${name}'. Names cannot contain '/' or ':'.`);
  }
  if (pathNotUnique(name)) throw invalidParam(invalidValueMessage('name', name, badPathMessage(name)));
}

/** `_validate_model_renaming`: the new name is required, then the name rules. */
export function validateModelRenaming(newName: unknown): asserts newName is string {
  if (isBlank(newName)) throw invalidParam(missingValueMessage('new_name'));
  validateModelName(newName);
}

/** `_validate_model_version`: Python's `int(version)`; returns the number. */
export function validateModelVersion(version: unknown): number {
  if (typeof version === 'number' && Number.isFinite(version)) return Math.trunc(version);
  if (typeof version === 'string' && /^\s*[+-]?\d+(_\d+)*\s*$/.test(version)) return Number(version.replaceAll('_', '').trim());
  throw invalidParam(`Parameter 'version' must be an integer, got '${String(version)}'.`);
}

function limit(entity: string, max: number, value: string): void {
  if (value.length > max && [...value].length > max) throw invalidParam(exceedsMaximumLengthMessage(entity, max));
}

/** `_validate_registered_model_tag`: tag-name rules, key ≤ 250, value ≤ 100,000 characters. */
export function validateRegisteredModelTag(key: unknown, value: unknown): void {
  validateTagName(key);
  limit('key', MAX_MODEL_REGISTRY_TAG_KEY_LENGTH, key);
  if (typeof value !== 'string') throw invalidParam(invalidValueMessage('value', value ?? null, 'Expected a string.'));
  limit('value', MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH, value);
}

/** `_validate_model_version_tag`: as above, and a missing value is "Tag value cannot be None". */
export function validateModelVersionTag(key: unknown, value: unknown): void {
  validateTagName(key);
  if (value === null || value === undefined) throw invalidParam('Tag value cannot be None');
  limit('key', MAX_MODEL_REGISTRY_TAG_KEY_LENGTH, key);
  if (typeof value !== 'string') throw invalidParam(invalidValueMessage('value', value, 'Expected a string.'));
  limit('value', MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH, value);
}

/** `_validate_model_alias_name`: non-empty, `[\w-]` only, ≤ 255 characters. */
export function validateAliasName(alias: unknown): asserts alias is string {
  if (alias === null || alias === undefined || alias === '') throw invalidParam('Registered model alias name cannot be empty.');
  if (typeof alias !== 'string' || !ALIAS_RE.test(alias)) {
    throw invalidParam(`Invalid alias name: '${String(alias)}'. Names may only contain alphanumerics, underscores (_), and dashes (-).`);
  }
  limit('Registered model alias name', MAX_REGISTERED_MODEL_ALIAS_LENGTH, alias);
}

/** `_validate_model_alias_name_reserved`: `latest` (any case) and `v<digits>` belong to the registry. */
export function validateAliasNotReserved(alias: string): void {
  if (alias.toLowerCase() === LATEST_ALIAS) throw invalidParam("'latest' alias name (case insensitive) is reserved.");
  if (VERSION_ALIAS_RE.test(alias)) throw invalidParam(`Version alias name '${alias}' is reserved.`);
}

/** `get_canonical_stage`: case-insensitive stage name → MLflow's spelling. */
export function canonicalStage(stage: unknown): ModelVersionStage {
  const key = typeof stage === 'string' ? stage.toLowerCase() : undefined;
  const found = MODEL_VERSION_STAGES.find((s) => s.toLowerCase() === key);
  if (!found) {
    throw invalidParam(`Invalid Model Version stage: ${String(stage)}. Value must be one of ${MODEL_VERSION_STAGES.join(', ')}.`);
  }
  return found;
}

/** True for the stages whose other versions `archiveExistingVersions` may archive. */
export const isActiveStage = (stage: ModelVersionStage): boolean => ACTIVE_STAGES.includes(stage);
