/**
 * Autocomplete for the runs filter box, as MLflow's RunsSearchAutoComplete: the word at the caret is completed to
 * `metrics.<key>`, `params.<key>`, `tags.<key>` or `attributes.<name>` from the keys of the loaded runs.
 */
import { quoteKey, type RunKeys } from './columns';

/** Run attributes MLflow's filter accepts (SearchUtils.VALID_SEARCH_ATTRIBUTE_KEYS). */
const ATTRIBUTES = ['run_name', 'status', 'start_time', 'end_time', 'user_id', 'run_id', 'artifact_uri'];
const MAX_SUGGESTIONS = 50;

export interface Suggestion {
  /** What replaces the word, e.g. "metrics.`val loss`". */
  text: string;
  /** Kind shown beside it. */
  kind: 'metric' | 'param' | 'tag' | 'attribute';
}

export interface WordAt {
  start: number;
  end: number;
  word: string;
}

/** The identifier-like word around `caret`: letters, digits, `_ . - / :` and backticked spans. */
export function wordAt(text: string, caret: number): WordAt {
  const isWord = (ch: string) => /[\w.`\-/:]/.test(ch);
  let start = caret;
  while (start > 0 && isWord(text[start - 1])) start--;
  let end = caret;
  while (end < text.length && isWord(text[end])) end++;
  return { start, end, word: text.slice(start, caret) };
}

/** Every completion the keys allow, in the order the list shows them (metrics, params, tags, attributes). */
function candidates(keys: RunKeys): Suggestion[] {
  return [
    ...keys.metrics.map((k) => ({ text: `metrics.${quoteKey(k)}`, kind: 'metric' as const })),
    ...keys.params.map((k) => ({ text: `params.${quoteKey(k)}`, kind: 'param' as const })),
    ...keys.tags.map((k) => ({ text: `tags.${quoteKey(k)}`, kind: 'tag' as const })),
    ...ATTRIBUTES.map((k) => ({ text: `attributes.${k}`, kind: 'attribute' as const })),
  ];
}

/**
 * Completions for `word`: those that start with it (case-insensitive, backticks ignored), then those whose key
 * contains the text after the prefix. An empty word or an exact match suggests nothing.
 */
export function suggest(keys: RunKeys, word: string): Suggestion[] {
  const needle = word.replaceAll('`', '').toLowerCase();
  if (needle === '') return [];
  const all = candidates(keys);
  const plain = (s: Suggestion) => s.text.replaceAll('`', '').toLowerCase();
  if (all.some((s) => plain(s) === needle)) return [];
  const starts = all.filter((s) => plain(s).startsWith(needle));
  const dot = needle.indexOf('.');
  const [prefix, rest] = dot < 0 ? ['', needle] : [needle.slice(0, dot + 1), needle.slice(dot + 1)];
  const contains = rest
    ? all.filter((s) => !plain(s).startsWith(needle) && plain(s).startsWith(prefix) && plain(s).slice(plain(s).indexOf('.') + 1).includes(rest))
    : [];
  return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
}
