/**
 * Column types of column-based signatures: MLflow's DataType names plus the compound Array, Object, Map, Any and
 * SparkML-vector types (mlflow/types/schema.py), as plain data.
 */
import { invalidParam } from '../core/errors';

/** MLflow DataType names: integer = int32, long = int64, float = float32, double = float64. */
export type DataTypeName = 'boolean' | 'integer' | 'long' | 'float' | 'double' | 'string' | 'binary' | 'datetime';
export const DATA_TYPES: readonly DataTypeName[] = ['boolean', 'integer', 'long', 'float', 'double', 'string', 'binary', 'datetime'];

export interface ArrayType { type: 'array'; items: ColType }
/** Properties are kept sorted by name, as MLflow's Object sorts them. */
export interface ObjectType { type: 'object'; properties: Property[] }
export interface MapType { type: 'map'; values: ColType }
export interface Property { name: string; type: ColType; required: boolean }
export type ColType = DataTypeName | ArrayType | ObjectType | MapType | { type: 'any' } | { type: 'sparkml_vector' };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses the type part of a ColSpec/Property/items JSON object (`{"type": …, "items"|"properties"|"values": …}`). */
export function parseColType(x: Record<string, unknown>, where: string): ColType {
  const t = x.type;
  switch (t) {
    case 'array': {
      const items = x.items;
      if (!isObj(items) || !('type' in items)) throw invalidParam(`${where}: Array JSON needs \`items\` with a \`type\`.`);
      return { type: 'array', items: parseColType(items, `${where}.items`) };
    }
    case 'map': {
      const values = x.values;
      if (!isObj(values) || !('type' in values)) throw invalidParam(`${where}: Map JSON needs \`values\` with a \`type\`.`);
      return { type: 'map', values: parseColType(values, `${where}.values`) };
    }
    case 'object': {
      const props = x.properties;
      if (!isObj(props) || Object.keys(props).length === 0) {
        throw invalidParam(`${where}: Object JSON needs a non-empty \`properties\` dictionary.`);
      }
      const properties = Object.entries(props).map(([name, p]): Property => {
        if (!isObj(p) || !('type' in p)) throw invalidParam(`${where}: missing keys in Property \`${name}\`. Expected to find key \`type\`.`);
        return { name, type: parseColType(p, `${where}.${name}`), required: p.required !== false };
      });
      properties.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return { type: 'object', properties };
    }
    case 'any':
    case 'sparkml_vector':
      return { type: t };
    default:
      if (typeof t === 'string' && DATA_TYPES.includes(t as DataTypeName)) return t as DataTypeName;
      throw invalidParam(
        `${where}: unsupported type ${JSON.stringify(t)}; expected one of ${DATA_TYPES.join(', ')}, array, object, map, any, sparkml_vector or tensor.`,
      );
  }
}

/** The JSON MLflow writes for a type (`{"type": "double"}`, `{"type": "array", "items": …}` …). */
export function colTypeToJson(t: ColType): Record<string, unknown> {
  if (typeof t === 'string') return { type: t };
  switch (t.type) {
    case 'array': return { type: 'array', items: colTypeToJson(t.items) };
    case 'map': return { type: 'map', values: colTypeToJson(t.values) };
    case 'object':
      return {
        type: 'object',
        properties: Object.fromEntries(t.properties.map((p) => [p.name, { ...colTypeToJson(p.type), required: p.required }])),
      };
    default: return { type: t.type };
  }
}

/** A short human name for messages: `double`, `Array(string)`, `{a: long}`, `Map(str -> double)`, `Any`. */
export function colTypeName(t: ColType): string {
  if (typeof t === 'string') return t;
  switch (t.type) {
    case 'array': return `Array(${colTypeName(t.items)})`;
    case 'map': return `Map(str -> ${colTypeName(t.values)})`;
    case 'object': return `{${t.properties.map((p) => `${p.name}: ${colTypeName(p.type)}`).join(', ')}}`;
    case 'any': return 'Any';
    default: return 'SparkML vector';
  }
}
