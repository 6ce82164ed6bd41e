/**
 * The architecture, as rules a tool checks (`npm run lint:layers`, part of `npm test`).
 * docs/ARCHITECTURE.md explains the layers; this file is their executable description.
 *
 *   main/shared    pure, platform-free: zod schemas, domain types, errors, small helpers
 *   main/contract  the typed channel map (zod args + result types); imports only shared
 *   main/core      plain Node: engine, jars, stores, the facade; imports shared (+ contract types)
 *   main/shell, main/web, main/cli, main/demo   hosts around the core
 *   preload, renderer/src                       the UI side: shared + contract types only
 */

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere (type-only ones included).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'Every source file is reachable from an entry point; code only a test uses is dead.',
      from: {
        orphan: true,
        pathNot: [
          '\\.d\\.ts$',
          '^main/index\\.ts$',
          '^main/cli/index\\.ts$',
          '^preload/index\\.ts$',
          '^renderer/src/main\\.tsx$',
          '^bench/',
        ],
      },
      to: {},
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'main/shared is pure: it imports only itself and zod (no Node, no other layer).',
      from: { path: '^main/shared/' },
      to: {
        pathNot: ['^main/shared/', '^node_modules/zod/'],
      },
    },
    {
      name: 'contract-imports-only-shared',
      severity: 'error',
      comment: 'The contract is zod + types over main/shared; it never reaches into an implementation.',
      from: { path: '^main/contract/' },
      to: { pathNot: ['^main/contract/', '^main/shared/', '^node_modules/zod/'] },
    },
    {
      name: 'core-stays-core',
      severity: 'error',
      comment:
        'The core is plain Node: never electron, the shell, web mode, the CLI or the demo; ' +
        'from the contract it may take types only (the facade implements it).',
      from: { path: '^main/core/' },
      to: {
        path: ['^main/(shell|web|cli|demo)/', '^node_modules/electron/', '^renderer/', '^preload/'],
      },
    },
    {
      name: 'core-takes-contract-types-only',
      severity: 'error',
      comment: 'The core never runs contract code (schemas live in main/shared).',
      from: { path: '^main/core/' },
      to: { path: '^main/contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-runtime-only-shared',
      severity: 'error',
      comment: 'The renderer bundles nothing from main/ but main/shared (the core stays out of the UI).',
      from: { path: '^renderer/' },
      to: { path: '^main/', pathNot: '^main/shared/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-types-only-contract',
      severity: 'error',
      comment: 'From main/ the renderer may also take contract types, nothing else.',
      from: { path: '^renderer/' },
      to: { path: '^main/', pathNot: ['^main/shared/', '^main/contract/'] },
    },
    {
      name: 'renderer-talks-through-api',
      severity: 'error',
      comment: 'Inside the renderer only renderer/src/api reaches the contract at all.',
      from: { path: '^renderer/', pathNot: '^renderer/src/api/' },
      to: { path: '^main/contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'preload-only-shared-and-contract',
      severity: 'error',
      comment:
        'The preload is the IPC boundary: main/shared, and the contract (its channel and event ' +
        'names are the allow-list the preload enforces); never the core or the shell.',
      from: { path: '^preload/' },
      to: { path: '^main/', pathNot: ['^main/shared/', '^main/contract/'] },
    },
    {
      name: 'only-hosts-import-electron',
      severity: 'error',
      comment: 'electron is imported by the shell, main/index.ts and the preload entry only.',
      from: { pathNot: ['^main/shell/', '^main/index\\.ts$', '^preload/index\\.ts$'] },
      to: { path: '^node_modules/electron/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^out/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      dot: { collapsePattern: '^(node_modules/[^/]+|main/[^/]+|preload|renderer/src/[^/]+)' },
      archi: { collapsePattern: '^(node_modules/[^/]+|main/[^/]+|preload|renderer/src/[^/]+)' },
    },
  },
};
