/**
 * The README's import table ("Architecture"), enforced: `npm test` runs
 * `npm run lint:imports`, so CI fails on an import the table does not allow.
 * Each folder lists what it may import besides itself; type-only imports count.
 */
const ALLOWED = {
  model: [],
  sql: ['model', 'errors'],
  manifest: ['model', 'errors'],
  db: ['sql', 'errors'],
  diff: ['model', 'errors'],
  catalog: ['model', 'sql', 'db', 'errors'],
  plan: ['model', 'diff', 'sql', 'errors'],
  output: ['model', 'plan'],
  drift: ['model', 'diff', 'output'],
  import: ['model', 'errors'],
  github: [],
  pipeline: ['model', 'sql', 'manifest', 'db', 'diff', 'catalog', 'plan', 'output', 'drift', 'import', 'errors', 'emulator'],
  apply: ['model', 'sql', 'db', 'catalog', 'diff', 'plan', 'manifest', 'pipeline', 'output', 'errors'],
  emulator: ['sql', 'errors'],
};

/** Packages only some folders may use. */
const PACKAGES = {
  pg: ['db'],
  yaml: ['manifest', 'import'],
  ajv: ['manifest'],
  '@oclif/core': ['cli', 'commands'],
  '@electric-sql/pglite': ['emulator'],
};

const folder = (name) => (name === 'errors' ? 'src/errors\\.ts$' : `src/${name}/`);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/@]/g, '\\$&');

module.exports = {
  forbidden: [
    ...Object.entries(ALLOWED).map(([from, allowed]) => ({
      name: `${from}-imports`,
      comment: `src/${from}/ may import only ${allowed.length ? allowed.join(', ') : 'nothing else in src/'} (README, Architecture)`,
      severity: 'error',
      from: { path: `^src/${from}/` },
      to: { path: '^src/', pathNot: [`^src/${from}/`, ...allowed.map((a) => `^${folder(a)}`)] },
    })),
    {
      name: 'errors-imports-nothing',
      severity: 'error',
      from: { path: '^src/errors\\.ts$' },
      to: { path: '^src/' },
    },
    ...Object.entries(PACKAGES).map(([pkg, users]) => ({
      name: `${pkg.replace(/[@/]/g, '')}-only-in-${users.join('-')}`,
      comment: `${pkg} is used only in ${users.map((u) => `src/${u}/`).join(', ')} (README, Architecture)`,
      severity: 'error',
      from: { path: '^src/', pathNot: users.map((u) => `^src/${u}/`) },
      to: { path: `(^|/)node_modules/${escape(pkg)}/` },
    })),
    {
      name: 'emulator-apart-from-registry',
      comment: "The emulator is the second opinion tests hold mzform against: it must not reach mzform's option registry or manifest code, even through another module.",
      severity: 'error',
      from: { path: '^src/emulator/' },
      to: { path: '^src/(model/registry|manifest)/', reachable: true },
    },
    {
      name: 'no-circular',
      comment: 'Imports go one way.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/emulator/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
