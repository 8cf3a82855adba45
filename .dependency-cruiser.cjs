/**
 * The house rules of the monorepo (issue 12), checked by `pnpm lint` (dependency-cruiser):
 * domains of packages/shared meet only through their index.ts, apps use packages/shared only
 * through its `@repo/shared/<domain>` entries, the simulator stands alone, and nothing imports
 * in a circle. test/boundaries.test.ts plants one violation of each rule and sees it caught.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle ties its files into one unit that cannot be read or changed alone.',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-through-index',
      severity: 'error',
      comment:
        "A domain of packages/shared imports another only through that domain's index.ts, so each domain decides what it offers.",
      from: { path: '^packages/shared/src/([^/]+)/' },
      to: {
        path: '^packages/shared/src/[^/]+/',
        pathNot: [
          '^packages/shared/src/$1/',
          '^packages/shared/src/[^/]+/index\\.ts$',
          '^packages/shared/src/types/',
        ],
      },
    },
    {
      name: 'apps-use-domain-entries',
      severity: 'error',
      comment:
        'Apps reach packages/shared only through `@repo/shared/<domain>` (a domain index.ts), never a file inside it.',
      from: { path: '^apps/' },
      to: { path: '^packages/shared/', pathNot: '^packages/shared/src/[^/]+/index\\.ts$' },
    },
    {
      name: 'sim-stands-alone',
      severity: 'error',
      comment:
        'The simulator imitates stats.nba.com; sharing code with the product would let a bug hide on both sides.',
      from: { path: '^packages/nba-sim/' },
      to: { path: '^packages/shared/' },
    },
    {
      name: 'no-app-imports-another',
      severity: 'error',
      comment: 'Apps are thin and independent; what two apps need lives in packages/shared.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'types', 'default'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
