/**
 * The layering rules, checked by `npm test` (scripts/test.sh) with dependency-cruiser:
 * - no import cycles (type-only imports count);
 * - server/ never imports jobs/: the worker builds on services, repos and server/core;
 * - client/ imports only types from server/ (`import type`), never server code;
 * - routes -> services -> repos -> db (README.md, "Architecture in a few lines"): only server/app.ts imports
 *   a router; repos import server/core and other repos only; routes do not query themselves.
 * tests/ may import anything (a route's own test builds that router).
 *
 * Known exceptions are listed by file in the rule they break, each with the reason and who
 * removes it, so that the rule stays strict for every other file. Remove an entry when its file
 * is fixed; never add one to get a new file through.
 */

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles: every module can be understood (and tested) from what it imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'server-not-to-jobs',
      severity: 'error',
      comment: 'jobs/ builds on server/ (services, repos, core), never the other way round.',
      from: { path: '^server/' },
      to: { path: '^jobs/' },
    },
    {
      name: 'client-only-types-from-server',
      severity: 'error',
      comment: 'The browser code shares only types with the server (`import type`), never server code.',
      from: { path: '^client/' },
      to: { path: '^server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'nothing-imports-routes',
      severity: 'error',
      comment:
        'Routes are the top of the server: only server/app.ts (which mounts them) imports a router; services, repos, CLI and jobs/ never do.',
      from: { pathNot: ['\\.routes\\.ts$', '^server/app\\.ts$', '^tests/'] },
      to: { path: '\\.routes\\.ts$' },
    },
    {
      name: 'repos-only-to-core',
      severity: 'error',
      comment:
        'Repos hold the SQL and sit just above the database: they import server/core and other repos (types may come from anywhere), never services or routes.',
      from: { path: '\\.repo\\.ts$' },
      to: {
        path: '^(server|jobs)/',
        pathNot: ['^server/core/', '\\.repo\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'routes-not-to-db',
      severity: 'error',
      comment: 'Routes call services; the SQL is in repos (sql/queries), so a route never imports the pool or the SQL loader.',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '^server/core/(db|sql)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` counts: a type-only cycle is still a cycle, and client/ must say `import type`.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
