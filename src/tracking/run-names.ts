/**
 * Run names in MLflow's shape: `<adjective>-<noun>-<integer 0..1000>`, at most 20 characters
 * (mlflow/utils/name_utils.py `_generate_random_name`, used by `create_run` when no name is given).
 * The word lists are Flowpad's own; only the shape and the length rule follow MLflow.
 */

/** Longest generated name (MLflow's `max_length` default). */
export const RUN_NAME_MAX_LENGTH = 20;
/** Largest trailing number; MLflow draws `randint(0, 10**3)`, both ends included. */
export const RUN_NAME_MAX_NUMBER = 1000;
const ATTEMPTS = 10;

export const RUN_NAME_ADJECTIVES: readonly string[] = [
  'airy', 'amber', 'ample', 'balmy', 'beaming', 'blithe', 'bonny', 'breezy', 'brisk', 'bubbly', 'candid',
  'chipper', 'chummy', 'civic', 'comfy', 'cordial', 'cosmic', 'cozy', 'crafty', 'crisp', 'cuddly', 'dainty',
  'dewy', 'dreamy', 'dusky', 'earnest', 'elated', 'fabled', 'feisty', 'festive', 'fizzy', 'fluffy', 'frosty',
  'genial', 'giddy', 'gleeful', 'glowing', 'golden', 'grand', 'hearty', 'hopeful', 'humble', 'jaunty', 'jolly',
  'jovial', 'joyful', 'leafy', 'lilac', 'limber', 'lofty', 'loyal', 'lucid', 'lunar', 'mellow', 'merry',
  'minty', 'misty', 'modest', 'mossy', 'nautical', 'nifty', 'peachy', 'peppy', 'perky', 'plucky', 'plush',
  'polished', 'radiant', 'rosy', 'rustic', 'sandy', 'savvy', 'serene', 'silky', 'snappy', 'snug', 'solar',
  'sparkly', 'spry', 'starry', 'steady', 'sturdy', 'sunlit', 'sunny', 'supple', 'tidy', 'toasty', 'tranquil',
  'trusty', 'velvet', 'verdant', 'vivid', 'warm', 'wavy', 'windy', 'winsome', 'witty', 'woolly', 'zany',
  'zesty',
];

export const RUN_NAME_NOUNS: readonly string[] = [
  'acorn', 'anchor', 'apricot', 'aurora', 'bagel', 'banjo', 'basil', 'beacon', 'biscuit', 'blossom', 'boulder',
  'breeze', 'brook', 'bubble', 'button', 'cabin', 'canyon', 'cedar', 'cinder', 'clover', 'cocoa', 'comet',
  'compass', 'cookie', 'coral', 'cottage', 'crayon', 'creek', 'cricket', 'crumpet', 'daisy', 'delta', 'dune',
  'ember', 'fern', 'fiddle', 'fjord', 'garnet', 'geyser', 'ginger', 'glacier', 'harbor', 'hazel', 'heron',
  'hilltop', 'igloo', 'island', 'ivy', 'jasper', 'kayak', 'kettle', 'lagoon', 'lantern', 'lemon', 'lily',
  'locket', 'lotus', 'maple', 'marble', 'meadow', 'mitten', 'mosaic', 'muffin', 'nebula', 'nutmeg', 'oasis',
  'orchard', 'paddle', 'pebble', 'pepper', 'pickle', 'pillow', 'pinecone', 'pixel', 'plume', 'pretzel',
  'prism', 'puddle', 'quartz', 'quill', 'raindrop', 'ripple', 'river', 'saffron', 'sapling', 'sequoia',
  'sonnet', 'sprout', 'summit', 'teapot', 'thimble', 'thistle', 'tulip', 'tundra', 'violin', 'waffle',
  'walnut', 'willow', 'yarn', 'zephyr',
];

/** An index in [0, n) from a [0, 1) source, safe if the source ever returns 1. */
const pick = (random: () => number, n: number): number => Math.min(n - 1, Math.floor(random() * n));

/**
 * A fresh run name such as `sunny-pebble-417`. Like MLflow, draws up to 10 names and returns the first
 * of at most `maxLength` characters, else cuts the last one to `maxLength`. `random` returns numbers in
 * [0, 1) (default `Math.random`); inject one for reproducible names.
 */
export function generateRunName(random: () => number = Math.random, maxLength = RUN_NAME_MAX_LENGTH): string {
  let name = '';
  for (let i = 0; i < ATTEMPTS; i++) {
    const adjective = RUN_NAME_ADJECTIVES[pick(random, RUN_NAME_ADJECTIVES.length)];
    const noun = RUN_NAME_NOUNS[pick(random, RUN_NAME_NOUNS.length)];
    name = `${adjective}-${noun}-${pick(random, RUN_NAME_MAX_NUMBER + 1)}`;
    if (name.length <= maxLength) return name;
  }
  return name.slice(0, maxLength);
}
