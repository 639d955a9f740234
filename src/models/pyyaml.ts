/**
 * YAML read and written the way MLflow's PyYAML calls do (`yaml.safe_load`, `yaml.safe_dump(...,
 * default_flow_style=False)`): YAML 1.1 scalars (so timestamps, `yes`/`no`, `1.0` get quoted), block style,
 * sequences not indented under their key, single quotes, and PyYAML's line folding (a line may pass column 80
 * and breaks at the first single space after it). The `yaml` package does the parsing and emitting; this module
 * only sets its options and re-folds long scalars.
 */
import { Document, isMap, isScalar, parseDocument, visit, type Node } from 'yaml';
import { invalidParam } from '../core/errors';

const BEST_WIDTH = 80;

/** Folds one single-quoted or plain scalar line like PyYAML's write_single_quoted / write_plain. */
function foldLine(line: string): string {
  const m = /^( *)((?:- )?[^\s'"#][^:]*: |- )('?)(.*)$/.exec(line);
  if (!m || line.length <= BEST_WIDTH) return line;
  const [, indent, key, quote, rest] = m;
  if (quote === '' && /^[[{|>&*!%@`]/.test(rest)) return line;
  const body = quote ? rest.slice(0, -1) : rest;
  if (quote && !rest.endsWith("'")) return line;
  const contIndent = indent + '  ';
  let out = indent + key + quote;
  let column = out.length;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    const single = ch === ' ' && body[i - 1] !== ' ' && body[i + 1] !== ' ' && i > 0 && i < body.length - 1;
    if (single && column > BEST_WIDTH) {
      out += '\n' + contIndent;
      column = contIndent.length;
    } else {
      out += ch;
      column++;
    }
  }
  return out + quote;
}

/** Emits a document PyYAML-style (see module doc). */
function emit(doc: Document): string {
  const text = doc.toString({
    indentSeq: false, lineWidth: 0, minContentWidth: 0, singleQuote: true, nullStr: 'null', trueStr: 'true', falseStr: 'false',
  });
  return text.split('\n').map(foldLine).join('\n');
}

/** `yaml.safe_dump(value, default_flow_style=False, sort_keys=sortKeys)`. */
export function dumpYaml(value: unknown, sortKeys = true): string {
  return emit(new Document(value, { version: '1.1', sortMapEntries: sortKeys }));
}

/** Parses YAML 1.1 text (as PyYAML's safe_load would); malformed text → INVALID_PARAMETER_VALUE naming `what`. */
export function parseYamlDocument(text: string, what: string): Document {
  const doc = parseDocument(text, { version: '1.1', prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) throw invalidParam(`Malformed ${what}: ${doc.errors[0].message}`);
  return doc;
}

/** Plain JSON-like data of a parsed document. Unquoted YAML 1.1 timestamps stay the strings they were written as. */
export function toPlain(doc: Document): unknown {
  const copy = doc.clone();
  visit(copy, {
    Scalar(_key, node) {
      if (node.value instanceof Date) node.value = node.source ?? node.value.toISOString();
    },
  });
  return copy.toJS({ maxAliasCount: 100 });
}

/** Deep equality of plain JSON-like values. */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => plainEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Writes `value` into `doc`, replacing only the parts that differ from what the document holds, so untouched
 * keys keep their nodes (style, comments, order). New keys go in sorted position when the map was sorted.
 */
export function mergeInto(doc: Document, node: Node | null, value: unknown, path: string[]): void {
  if (isMap(node) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const want = value as Record<string, unknown>;
    const keyOf = (p: { key: unknown }): string => String(isScalar(p.key) ? p.key.value : p.key);
    const keys = node.items.map(keyOf);
    const sorted = keys.every((k, i) => i === 0 || keys[i - 1] <= k);
    for (const k of keys) if (!(k in want)) node.delete(k);
    for (const [k, v] of Object.entries(want)) {
      if (v === undefined) continue;
      const child = node.get(k, true) as Node | undefined;
      if (child !== undefined) {
        if (!plainEqual(child.toJSON(), v)) mergeInto(doc, child, v, [...path, k]);
        continue;
      }
      node.set(k, doc.createNode(v));
      if (sorted) node.items.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
    }
    return;
  }
  if (path.length === 0) doc.contents = doc.createNode(value) as typeof doc.contents;
  else doc.setIn(path, doc.createNode(value));
}

/** Emits a document that was parsed and possibly merged into. */
export function emitDocument(doc: Document): string {
  return emit(doc);
}
