/**
 * Parses a search filter. First exactly as MLflow does (SearchUtils.parse_search_filter): one
 * statement of comparisons joined by AND. Only when MLflow would reject the filter because of `OR`
 * or parentheses do we try Flowpad's extension (mlflow/mlflow#6075): `OR`, with AND binding
 * tighter, and parenthesised groups. A filter MLflow accepts therefore always means what it means
 * in MLflow, and every comparison inside an extended filter passes MLflow's own checks.
 */
import { tokenize } from './lexer';
import type { Token } from './lexer';
import { group, groupNodes, nest, isWs, tokKind } from './group';
import type { Node } from './group';
import { checkComparator, toClause } from './clause';
import type { Clause } from './clause';
import type { Dialect } from './dialect';
import { pyStr } from './pyfmt';
import { SearchError } from './search-error';

/** A parsed filter. MLflow-compatible filters are one `and` of comparisons. */
export type FilterNode = { op: 'and' | 'or'; items: FilterNode[] } | { op: 'cmp'; clause: Clause };

const isKw = (n: Node | undefined, word: string): boolean => tokKind(n) === 'keyword' && n!.tok!.upper === word;

/** A filter before its comparisons are checked: comparison nodes in an AND/OR tree. */
type RawTree = { op: 'and' | 'or'; items: RawTree[] } | { op: 'cmp'; node: Node };

/** Parses `filter` with the rules of `d`; an empty filter is an empty `and` (matches everything). */
export function parseFilter(filter: string, d: Dialect): FilterNode {
  if (!filter) return { op: 'and', items: [] };
  const statement = singleStatement(filter);
  const joined = joinIn(group(statement).filter((n) => !isWs(n)));
  const invalid = joined.filter((n) => n.kind !== 'comparison' && !isKw(n, 'AND'));
  if (invalid.length === 0) {
    const items: RawTree[] = joined.filter((n) => n.kind === 'comparison').map((node) => ({ op: 'cmp', node }));
    return checkTree(filter, { op: 'and', items }, d);
  }
  const mlflowError = new SearchError(
    d.invalidClauses(invalid.map((n) => filter.slice(n.start, n.end))),
    invalid[0].start, 'a comparison such as metrics.rmse < 0.8, joined by AND', invalid[0].end,
  );
  const extended = invalid.some((n) => n.kind === 'paren' || isKw(n, 'OR') || tokKind(n) === 'punct');
  if (!extended) throw mlflowError;
  return checkTree(filter, new Extended(mlflowError).expr(nest(statement), filter.length), d);
}

/**
 * MLflow parses every comparison of a filter before it checks any comparator, so errors come out
 * in that order: first all identifiers and values, left to right, then all comparators.
 */
function checkTree(src: string, tree: RawTree, d: Dialect): FilterNode {
  const clauses: Clause[] = [];
  const build = (t: RawTree): FilterNode => {
    if (t.op !== 'cmp') return { op: t.op, items: t.items.map(build) };
    const clause = (d.clause ?? toClause)(src, t.node, d);
    clauses.push(clause);
    return { op: 'cmp', clause };
  };
  const result = build(tree);
  for (const c of clauses) checkComparator(c, d);
  return result;
}

/** sqlparse splits at `;` outside parentheses (whitespace after it stays in that statement); MLflow wants one. */
function singleStatement(filter: string): Token[] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  const tokens = tokenize(filter);
  let level = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    current.push(t);
    if (t.kind === 'punct') level += t.text === '(' ? 1 : t.text === ')' ? -1 : 0;
    if (t.kind !== 'punct' || t.text !== ';' || level > 0) continue;
    while (tokens[i + 1]?.kind === 'ws') current.push(tokens[++i]);
    statements.push(current);
    current = [];
  }
  if (current.some((t) => t.kind !== 'ws')) statements.push(current);
  if (statements.length === 0) {
    throw new SearchError(`Invalid filter '${filter}'. Could not be parsed.`, 0, 'a comparison', filter.length);
  }
  if (statements.length > 1) {
    const at = statements[0].find((t) => t.kind === 'punct' && t.text === ';')!.start;
    throw new SearchError(
      `Search filter contained multiple expression ${pyStr(filter)}. Provide AND-ed expression list.`,
      at, 'AND instead of ;', at + 1,
    );
  }
  return statements[0];
}

const synth = (from: Node, to: Node, upper: string): Node => ({
  kind: 'tok', start: from.start, end: to.end,
  tok: { kind: 'keyword', text: upper, start: from.start, end: to.end, upper },
});
const cmp = (parts: Node[]): Node => ({
  kind: 'comparison', start: parts[0].start, end: parts[parts.length - 1].end, children: parts,
});

/**
 * MLflow's `_join_in_comparison_tokens`: `x IN (...)`, `x NOT IN (...)`, `x IS [NOT] NULL` become
 * comparisons. It steps over the tokens in windows of up to four, as MLflow does.
 */
function joinIn(t: Node[]): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < t.length; ) {
    const [first, second, third, fourth] = [t[i], t[i + 1], t[i + 2], t[i + 3]];
    if (t.length - i < 3) {
      out.push(...t.slice(i));
      break;
    }
    if (first.kind !== 'ident') {
      out.push(first);
      i++;
    } else if (isKw(second, 'IN') && third.kind === 'paren') {
      out.push(cmp([first, second, third]));
      i += 3;
    } else if (isKw(second, 'IS') && (isKw(third, 'NULL') || isKw(third, 'NOT NULL'))) {
      out.push(cmp([first, synth(second, third, isKw(third, 'NULL') ? 'IS NULL' : 'IS NOT NULL')]));
      i += 3;
    } else if (!fourth) {
      out.push(first, second, third);
      break;
    } else if (isKw(second, 'NOT') && isKw(third, 'IN') && fourth.kind === 'paren') {
      out.push(cmp([first, synth(second, third, 'NOT IN'), fourth]));
      i += 4;
    } else {
      out.push(first, second, third, fourth);
      i += 4;
    }
  }
  return out;
}

/**
 * The OR / parentheses extension: expr = and (OR and)*; and = part (AND* part)*; part = (expr) | comparison.
 * Any structural problem is reported with MLflow's own message for the filter.
 */
class Extended {
  constructor(private readonly mlflowError: SearchError) {}

  /** Parses one level (the statement, or a parenthesis' inside) ending at offset `end`. */
  expr(nodes: Node[], end: number): RawTree {
    // `at`: where an empty part is reported, the OR that closed it or the end of the level.
    const parts: Array<{ nodes: Node[]; at: number }> = [{ nodes: [], at: end }];
    for (const n of nodes) {
      if (!isKw(n, 'OR')) {
        parts[parts.length - 1].nodes.push(n);
        continue;
      }
      parts[parts.length - 1].at = n.start;
      parts.push({ nodes: [], at: end });
    }
    const items = parts.map((p) => this.conjunction(p.nodes, p.at));
    return items.length === 1 ? items[0] : { op: 'or', items };
  }

  private conjunction(nodes: Node[], at: number): RawTree {
    const items: RawTree[] = [];
    for (const n of joinIn(groupNodes(nodes).filter((x) => !isWs(x)))) {
      if (isKw(n, 'AND')) continue;
      if (n.kind === 'comparison') items.push({ op: 'cmp', node: n });
      else if (n.kind === 'paren') items.push(this.expr(n.children!, n.end - 1));
      else this.fail(n.start, n.end, expectedAt(n));
    }
    if (items.length === 0) this.fail(at, at, 'a comparison or a parenthesised group');
    return items.length === 1 ? items[0] : { op: 'and', items };
  }

  private fail(position: number, end: number, expected: string): never {
    throw new SearchError(this.mlflowError.message, position, expected, end);
  }
}

function expectedAt(n: Node): string {
  if (tokKind(n) === 'punct' && n.tok!.text === '(') return "a matching ')'";
  if (tokKind(n) === 'punct' && n.tok!.text === ')') return "no ')' without a matching '('";
  return 'a comparison, AND, OR or a parenthesised group';
}
