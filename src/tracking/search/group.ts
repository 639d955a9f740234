/**
 * Groups tokens the way sqlparse does before MLflow looks at a filter: parentheses, functions,
 * dotted identifiers, arithmetic operations, comparisons, aliases and comma lists. Only the
 * grouping rules that can fire on a search filter are reproduced, in sqlparse's order.
 */
import type { Token } from './lexer';

export type NodeKind = 'tok' | 'paren' | 'func' | 'ident' | 'operation' | 'comparison' | 'list';

export interface Node {
  kind: NodeKind;
  start: number;
  end: number;
  /** For `tok` nodes. */
  tok?: Token;
  /** Inner nodes: the contents of a paren, or [left, operator, right?] of a comparison. */
  children?: Node[];
}

const leaf = (tok: Token): Node => ({ kind: 'tok', start: tok.start, end: tok.end, tok });
const span = (kind: NodeKind, nodes: Node[], children?: Node[]): Node => ({
  kind,
  start: nodes[0].start,
  end: nodes[nodes.length - 1].end,
  children,
});

/** sqlparse's `is_whitespace`: comments are not whitespace (MLflow rejects them as clauses). */
export const isWs = (n: Node | undefined): boolean => n !== undefined && n.kind === 'tok' && n.tok!.kind === 'ws';
export const tokKind = (n: Node | undefined): string | undefined => (n?.kind === 'tok' ? n.tok!.kind : undefined);
const isPunct = (n: Node | undefined, ch: string): boolean => tokKind(n) === 'punct' && n!.tok!.text === ch;

/** Groups one statement's tokens into sqlparse's tree; parentheses are grouped recursively. */
export function group(tokens: Token[]): Node[] {
  return groupLevel(nestParens(tokens.map(leaf)));
}

/** Nests parentheses only; the extension splits at OR before grouping each part. */
export function nest(tokens: Token[]): Node[] {
  return nestParens(tokens.map(leaf));
}

/** Groups nodes whose parentheses are already nested (a slice of a statement). */
export function groupNodes(nodes: Node[]): Node[] {
  return groupLevel(nodes);
}

/** Regroups the inside of a parenthesis node as a statement of its own. */
export function groupInner(paren: Node): Node[] {
  return groupLevel(paren.children ?? []);
}

function nestParens(nodes: Node[]): Node[] {
  const out: Node[] = [];
  const stack: number[] = [];
  for (const n of nodes) {
    if (isPunct(n, ')') && stack.length > 0) {
      const open = stack.pop()!;
      const inner = out.splice(open);
      out.push({ kind: 'paren', start: inner[0].start, end: n.end, children: inner.slice(1) });
      continue;
    }
    if (isPunct(n, '(')) stack.push(out.length);
    out.push(n);
  }
  return out;
}

function groupLevel(input: Node[]): Node[] {
  let nodes = groupFunctions(input);
  nodes = groupPeriods(nodes);
  nodes = nodes.map((n) => (tokKind(n) === 'name' || tokKind(n) === 'symbol' ? span('ident', [n]) : n));
  nodes = groupOrder(nodes);
  nodes = groupBinary(nodes, 'operation', isOperator, isOperand);
  nodes = groupBinary(nodes, 'comparison', (n) => tokKind(n) === 'cmp', isComparand);
  nodes = groupAliases(nodes);
  return groupLists(nodes);
}

/** `x DESC` (an identifier or number, then ASC/DESC) is one Identifier in sqlparse. */
function groupOrder(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    const p = lastNonWs(out);
    const prev = out[p];
    if (tokKind(n) === 'order' && prev && (prev.kind === 'ident' || ['int', 'float', 'hex'].includes(tokKind(prev) ?? ''))) {
      out.splice(p, out.length - p, { kind: 'ident', start: prev.start, end: n.end });
    } else out.push(n);
  }
  return out;
}

/** A name, then (whitespace allowed) a parenthesis: sqlparse makes it a Function. */
function groupFunctions(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    const p = lastNonWs(out);
    if (n.kind === 'paren' && tokKind(out[p]) === 'name') {
      out.splice(p, out.length - p, span('func', [out[p], n]));
    } else out.push(n);
  }
  return out;
}

/** `a.b.c`, `metrics."x y"`, tags.`k`: a name or symbol, then dots each followed by a name part. */
function groupPeriods(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const p = lastNonWs(out);
    if (!isPunct(n, '.') || p < 0 || !canPrecedeDot(out[p])) {
      out.push(n);
      continue;
    }
    const j = nextNonWs(nodes, i + 1);
    const nextOk = j < nodes.length && canFollowDot(nodes[j]);
    const last = nextOk ? nodes[j] : n;
    out.splice(p, out.length - p, { kind: 'ident', start: out[p].start, end: last.end });
    if (nextOk) i = j;
  }
  return out;
}

const canPrecedeDot = (n: Node): boolean => n.kind === 'ident' || tokKind(n) === 'name' || tokKind(n) === 'symbol';
const canFollowDot = (n: Node): boolean =>
  n.kind === 'func' || ['name', 'symbol', 'wildcard', 'string'].includes(tokKind(n) ?? '');

const isOperator = (n: Node): boolean => tokKind(n) === 'op' || tokKind(n) === 'wildcard';
// sqlparse matches these by exact token type, so hex numbers are not operands.
const VALUE_TOKENS = new Set(['int', 'float', 'string', 'symbol', 'name']);
const isOperand = (n: Node | undefined): boolean =>
  n !== undefined && (['paren', 'func', 'ident', 'operation'].includes(n.kind) || VALUE_TOKENS.has(tokKind(n) ?? ''));
const isComparand = (n: Node | undefined): boolean =>
  isOperand(n) || (tokKind(n) === 'keyword' && n!.tok!.upper === 'NULL');

/** sqlparse's `_group` with extend=False: `prev OP next` becomes one node, whitespace skipped. */
function groupBinary(nodes: Node[], kind: NodeKind, match: (n: Node) => boolean, valid: (n?: Node) => boolean): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const p = lastNonWs(out);
    const j = nextNonWs(nodes, i + 1);
    if (match(n) && p >= 0 && valid(out[p]) && valid(nodes[j])) {
      const parts = [out[p], n, nodes[j]];
      out.splice(p, out.length - p, span(kind, parts, kind === 'comparison' ? parts : undefined));
      i = j;
    } else out.push(n);
  }
  return out;
}

/** `<expr> <identifier>` is an alias in SQL: sqlparse folds both into one Identifier. */
function groupAliases(nodes: Node[]): Node[] {
  const out = nodes.slice();
  for (let i = 0; i < out.length; i++) {
    const n = out[i];
    const aliasable = ['paren', 'func', 'ident', 'operation', 'comparison'].includes(n.kind) ||
      ['int', 'float', 'hex'].includes(tokKind(n) ?? '');
    if (!aliasable) continue;
    const j = nextNonWs(out, i + 1);
    if (out[j]?.kind === 'ident') out.splice(i, j - i + 1, { kind: 'ident', start: n.start, end: out[j].end });
  }
  return out;
}

function groupLists(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const p = lastNonWs(out);
    const j = nextNonWs(nodes, i + 1);
    if (isPunct(nodes[i], ',') && p >= 0 && listItem(out[p]) && listItem(nodes[j])) {
      out.splice(p, out.length - p, { kind: 'list', start: out[p].start, end: nodes[j].end });
      i = j;
    } else out.push(nodes[i]);
  }
  return out;
}

const listItem = (n: Node | undefined): boolean =>
  n !== undefined && n.kind !== 'paren' &&
  (n.kind !== 'tok' || ['int', 'float', 'string', 'symbol', 'name', 'keyword', 'comment', 'wildcard'].includes(n.tok!.kind));

function lastNonWs(nodes: Node[]): number {
  let i = nodes.length - 1;
  while (i >= 0 && isWs(nodes[i])) i--;
  return i;
}

function nextNonWs(nodes: Node[], from: number): number {
  let i = from;
  while (i < nodes.length && isWs(nodes[i])) i++;
  return i;
}
