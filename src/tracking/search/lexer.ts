/**
 * Tokenizer for MLflow search filters. MLflow hands filters to `sqlparse`; this lexer reproduces the
 * token boundaries and classes that sqlparse's default lexer gives the inputs a filter can contain,
 * so that grouping and error messages come out the same. Offsets are UTF-16 indices into the input.
 */

export type TokenKind =
  | 'ws'
  | 'comment'
  | 'name' // bare word or `backticked` name (sqlparse Name)
  | 'symbol' // "double quoted" (sqlparse String.Symbol, grouped as an Identifier)
  | 'string' // 'single quoted' (sqlparse String.Single)
  | 'int'
  | 'float'
  | 'hex'
  | 'keyword'
  | 'order' // ASC / DESC (sqlparse Keyword.Order)
  | 'cmp' // comparison operator, including LIKE / NOT LIKE / ILIKE
  | 'op' // arithmetic and other operators
  | 'wildcard'
  | 'punct'
  | 'error';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Upper-cased text for keywords, order keywords and comparison operators. */
  upper: string;
}

const W = String.raw`[\p{L}\p{N}_]`;
const LETTER = String.raw`[A-Z\u00C0-\u00DC]`;

// Ordered like sqlparse's SQL_REGEX; the first rule that matches at the cursor wins.
const RULES: ReadonlyArray<readonly [RegExp, TokenKind | 'word']> = [
  [/(?:--|# )[^\r\n]*/, 'comment'],
  [/\/\*[\s\S]*?\*\//, 'comment'],
  [/\s+/, 'ws'],
  [/:=|::/, 'punct'],
  [/\*/, 'wildcard'],
  [/`(?:``|[^`])*`/, 'name'],
  [new RegExp(String.raw`(?:CASE|IN|VALUES|USING|FROM|AS)(?!${W})`), 'keyword'],
  [new RegExp(String.raw`${LETTER}${W}*(?=\s*\.(?!\p{Nd}))`), 'name'],
  [new RegExp(String.raw`(?<=\.)${LETTER}${W}*`), 'name'],
  [new RegExp(String.raw`${LETTER}${W}*(?=\()`), 'name'],
  [/-?0x[\p{Nd}A-F]+/u, 'hex'],
  [/-?\p{Nd}+(?:\.\p{Nd}+)?E-?\p{Nd}+/u, 'float'],
  [new RegExp(String.raw`(?![_A-Z\u00C0-\u00DC])-?(?:\p{Nd}+\.\p{Nd}*|\.\p{Nd}+)(?![_A-Z\u00C0-\u00DC])`), 'float'],
  [new RegExp(String.raw`(?![_A-Z\u00C0-\u00DC])-?\p{Nd}+(?![_A-Z\u00C0-\u00DC])`), 'int'],
  [/'(?:''|\\'|[^'])*'/, 'string'],
  [/"(?:""|\\"|[^"])*"/, 'symbol'],
  [new RegExp(String.raw`NOT\s+NULL(?!${W})`), 'keyword'],
  [new RegExp(String.raw`(?:ASC|DESC)(?:\s+NULLS\s+(?:FIRST|LAST))?(?!${W})`), 'order'],
  [new RegExp(String.raw`NULLS\s+(?:FIRST|LAST)(?!${W})`), 'order'],
  [new RegExp(String.raw`(?:NOT\s+)?(?:LIKE|ILIKE|RLIKE)(?!${W})`), 'cmp'],
  [new RegExp(String.raw`(?:NOT\s+)?REGEXP(?:\s+BINARY)?(?!${W})`), 'cmp'],
  [new RegExp(String.raw`${W}[$#\p{L}\p{N}_]*`), 'word'],
  [/[;:()[\],.]/, 'punct'],
  [/->>?|#>>?|@>|<@|\?\|?|\?&|-|#-/, 'op'],
  [/[<>=~!]+/, 'cmp'],
  [/[+/@#%^&|-]+/, 'op'],
].map(([re, kind]) => [new RegExp((re as RegExp).source, 'iuy'), kind as TokenKind | 'word'] as const);

/**
 * Words sqlparse classifies as keywords, limited to those a person plausibly types in a filter.
 * A keyword cannot be a comparison operand, so `user = 'x'` is an invalid clause, not a bad key.
 */
const KEYWORDS = new Set(
  (
    'ALL AND ANY AS ASC BETWEEN BY CASE COUNT CREATE CURRENT DATA DEFAULT DELETE DESC DISTINCT DROP ELSE END ' +
    'EXISTS FALSE FIRST FROM GLOBAL GROUP HAVING IN INSERT INTO IS JOIN KEY LAST LEVEL LIKE LIMIT LOCAL NONE ' +
    'NOT NULL OFFSET ON OR ORDER POSITION RESULT SCHEMA SEARCH SELECT SET SIZE SOME SOURCE START TABLE THEN TIME ' +
    'TRUE TYPE UNION UPDATE USER VALUES VERSION WHEN WHERE WITH'
  ).split(' '),
);

/** Splits `src` into tokens; never throws (unknown characters become `error` tokens). */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  while (pos < src.length) {
    const tok = matchAt(src, pos);
    out.push(tok);
    pos = tok.end;
  }
  return out;
}

function matchAt(src: string, pos: number): Token {
  for (const [re, kind] of RULES) {
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m || m[0].length === 0) continue;
    const text = m[0];
    const upper = text.toUpperCase();
    // sqlparse reads `and(` as a function name; we keep AND/OR keywords so `a OR(b)` can group.
    const word = kind === 'word' || (kind === 'name' && (upper === 'AND' || upper === 'OR'));
    const k: TokenKind = word ? (KEYWORDS.has(upper) ? 'keyword' : 'name') : kind;
    return { kind: k, text, start: pos, end: pos + text.length, upper };
  }
  const ch = String.fromCodePoint(src.codePointAt(pos) ?? 0);
  return { kind: 'error', text: ch, start: pos, end: pos + ch.length, upper: ch };
}
