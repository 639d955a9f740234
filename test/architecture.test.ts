/**
 * STYLE's layering, enforced: each heavy library has one home, and imports point down
 * (ui → workers/registry/models/interop → tracking → storage → core). Reads import statements as text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

const sources = files(SRC).map((p) => ({
  path: relative(SRC, p).replaceAll('\\', '/'),
  imports: [...readFileSync(p, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2]),
}));

/** package (or prefix) → folders allowed to import it */
const HOMES: [RegExp, string[]][] = [
  [/^dexie($|\/)/, ['storage/']],
  [/^comlink($|\/)/, ['workers/']],
  [/^onnxruntime-web($|\/)/, ['models/flavors/onnx/', 'workers/']],
  [/^@tensorflow\//, ['models/flavors/tfjs/', 'workers/', 'training/']],
  [/^uplot($|\/)/, ['ui/charts/']],
  [/^fflate($|\/)/, ['interop/']],
  [/^sql\.js($|\/)/, ['interop/']],
];

describe('architecture', () => {
  it('has sources to check', () => expect(sources.length).toBeGreaterThan(20));

  for (const [pkg, homes] of HOMES) {
    it(`${pkg.source} is imported only from ${homes.join(', ')}`, () => {
      const bad = sources.filter((s) => s.imports.some((i) => pkg.test(i)) && !homes.some((h) => s.path.startsWith(h)));
      expect(bad.map((s) => s.path)).toEqual([]);
    });
  }

  it('nothing below ui/ imports ui/, and core/ imports nothing of ours', () => {
    const bad = sources.filter((s) => {
      if (s.path.startsWith('ui/') || s.path === 'main.tsx' || s.path === 'sw.ts') return false;
      return s.imports.some((i) => /(^|\/)ui\//.test(i) && i.startsWith('.'));
    });
    expect(bad.map((s) => s.path)).toEqual([]);
    const core = sources.filter((s) => s.path.startsWith('core/') && s.imports.some((i) => i.startsWith('..')));
    expect(core.map((s) => s.path)).toEqual([]);
  });

  it('storage/ imports only core/ (and domain types, type-only)', () => {
    const bad = sources.filter((s) => s.path.startsWith('storage/')).flatMap((s) => {
      const text = readFileSync(join(SRC, s.path), 'utf8');
      return [...text.matchAll(/^import\s+(type\s+)?[^'"]*from\s+['"](\.\.\/[^'"]+)['"]/gm)]
        .filter((m) => !m[1] && !m[2].startsWith('../core'))
        .map((m) => `${s.path}: ${m[2]}`);
    });
    expect(bad).toEqual([]);
  });

  it('DOM globals (window, document) appear only in ui/ and main.tsx', () => {
    const bad = sources.filter((s) => !s.path.startsWith('ui/') && s.path !== 'main.tsx' && !s.path.endsWith('.test.ts')).filter((s) => {
      const code = readFileSync(join(SRC, s.path), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      return /\b(window|document)\s*\./.test(code);
    });
    expect(bad.map((s) => s.path)).toEqual([]);
  });
});
