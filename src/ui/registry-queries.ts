/** Registry reads the pages share. */
import type { ModelVersion } from '../registry';
import { registry } from './registry';

/** An MLflow string literal for `value`, or undefined when it holds both quote kinds (MLflow cannot express it). */
function literal(value: string): string | undefined {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  return undefined;
}

/** Every live version of one model, newest first. */
export async function versionsOf(name: string): Promise<ModelVersion[]> {
  const lit = literal(name);
  const page = await registry.searchModelVersions({ filter: lit && `name = ${lit}`, orderBy: ['version_number DESC'] });
  return lit ? page.items : page.items.filter((v) => v.name === name);
}
