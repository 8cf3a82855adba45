import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/processes.js';

/**
 * The house rules of .dependency-cruiser.cjs (`pnpm lint`): the repository keeps them, and each
 * rule catches a violation planted in a small tree of the same shape.
 */
const CONFIG = join(REPO_ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(REPO_ROOT, 'node_modules', '.bin', 'depcruise');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** The JSON report's violations (its exit code says nothing: the `err` reporter's does, in `pnpm lint`). */
function cruise(cwd: string, paths: readonly string[]): { violations: Violation[] } {
  const r = spawnSync(DEPCRUISE, [...paths, '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.stdout === '') throw new Error(`depcruise printed nothing: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { summary: { violations: Violation[] } };
  return { violations: report.summary.violations };
}

describe('the import rules', () => {
  it('hold for the whole repository', () => {
    const { violations } = cruise(REPO_ROOT, ['apps', 'packages', 'scripts', 'bench', 'test']);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  describe('catch what is planted', () => {
    const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
    const plant = (file: string, text: string) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    };
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    plant(
      'tsconfig.json',
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }),
    );
    // Two domains of packages/shared, each with its index.
    plant('packages/shared/src/alpha/index.ts', "export { a } from './a.js';\n");
    plant('packages/shared/src/alpha/a.ts', "import { b } from '../beta/b.js';\nexport const a = b;\n");
    plant('packages/shared/src/beta/index.ts', "export { b } from './b.js';\n");
    plant('packages/shared/src/beta/b.ts', 'export const b = 1;\n');
    // A circle inside one domain (through values, not types).
    plant('packages/shared/src/beta/p.ts', "import { q } from './q.js';\nexport const p = () => q();\n");
    plant('packages/shared/src/beta/q.ts', "import { p } from './p.js';\nexport const q = () => p;\n");
    // The simulator reaching into shared, an app reaching past a domain index and into another app.
    plant(
      'packages/nba-sim/src/sim.ts',
      "import { b } from '../../shared/src/beta/index.js';\nexport const s = b;\n",
    );
    plant(
      'apps/one/src/main.ts',
      "import { b } from '../../../packages/shared/src/beta/b.js';\nimport { t } from '../../two/src/two.js';\nexport const m = b + t;\n",
    );
    plant('apps/two/src/two.ts', 'export const t = 2;\n');

    const { violations } = cruise(root, ['apps', 'packages']);
    const found = violations.map((v) => [v.rule.name, v.from, v.to]);

    it.each([
      ['no-circular', 'packages/shared/src/beta/p.ts', 'packages/shared/src/beta/q.ts'],
      ['domain-through-index', 'packages/shared/src/alpha/a.ts', 'packages/shared/src/beta/b.ts'],
      ['apps-use-domain-entries', 'apps/one/src/main.ts', 'packages/shared/src/beta/b.ts'],
      ['sim-stands-alone', 'packages/nba-sim/src/sim.ts', 'packages/shared/src/beta/index.ts'],
      ['no-app-imports-another', 'apps/one/src/main.ts', 'apps/two/src/two.ts'],
    ])('%s: %s -> %s', (rule, from, to) => {
      expect(found).toContainEqual([rule, from, to]);
    });
    it('finds nothing else', () => {
      expect(found.filter(([rule]) => rule !== 'no-circular')).toHaveLength(4);
    });
  });
});
